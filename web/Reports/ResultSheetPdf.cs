namespace Arena.Web.Reports;

/// <summary>
/// The 公示 result sheet (A4): title, dates, the rules in one paragraph, the ranking, then per contestant and round
/// every judge's criteria and total (dropped sheets struck through), panel and round scores, adjustments with their
/// reasons, total, rank and award; the signature lines of the judges, the supervisor (监督) and the chief judge; the
/// digest footer on every page; then, as an annex, the judge-consistency figures.
/// </summary>
public static class ResultSheetPdf
{
    public static byte[] Render(ReportData data, ReportText t)
    {
        var d = data.Definition;
        using var flow = new PageFlow(d.Title);
        flow.Paragraph(d.Title, PageFlow.Font(15, bold: true), after: 2);
        flow.Paragraph(t.L("成绩公示表", "Result sheet"), PageFlow.Font(12, bold: true), after: 4);
        flow.Paragraph(Status(data, t), PageFlow.Font(9), after: 4);
        flow.Paragraph(RulesText.Of(d, t), PageFlow.Font(9), after: 10);

        flow.Paragraph(t.L("名次", "Ranking"), PageFlow.Font(11, bold: true));
        RankingTable.Draw(flow, data, t);
        flow.Gap(10);
        flow.Paragraph(t.L("评分明细（划线的评分按规则去掉，不计入）", "Every sheet (struck-through sheets were dropped by the rules and do not count)"),
            PageFlow.Font(11, bold: true));
        foreach (var contestant in data.Contestants) ContestantBlock.Draw(flow, data, contestant, t);
        Withdrawals(flow, data, t);
        Signatures.Draw(flow, data, t);
        JudgeReportPage.Draw(flow, data, t);
        return flow.Finish((g, page, pages) => ReportFooter.Draw(g, data, t, page, pages));
    }

    private static string Status(ReportData data, ReportText t)
    {
        var printed = t.Time(data.PrintedAt, data.Zone);
        var confirmed = data.PublicationConfirmed is { } s
            ? t.L($"（经{t.Actor(s.By, data.Definition)}确认：{s.Reason}）", $" (confirmed by {t.Actor(s.By, data.Definition)}: {s.Reason})") : "";
        return data.PublishedAt is { } at
            ? t.L($"发布时间：{t.Time(at, data.Zone)}{confirmed}　打印时间：{printed}　日志事件：{data.Events} 个",
                $"Published {t.Time(at, data.Zone)}{confirmed}   printed {printed}   journal events: {data.Events}")
            : t.L($"尚未发布，成绩为暂定　打印时间：{printed}　日志事件：{data.Events} 个",
                $"Not yet published: results are provisional   printed {printed}   journal events: {data.Events}");
    }

    /// <summary>Contestants out of the final (弃权 / 缺席): listed here, and shown without rank or award above.</summary>
    private static void Withdrawals(PageFlow flow, ReportData data, ReportText t)
    {
        var out_ = data.Contestants.Where(c => c.Withdrawn is not null).ToList();
        if (out_.Count == 0) return;
        flow.Gap(6);
        flow.Paragraph(t.L("弃权、缺席", "Withdrawn or absent"), PageFlow.Font(11, bold: true));
        foreach (var c in out_)
            flow.Paragraph($"{c.Contestant.Name}　{c.Contestant.Unit}　{t.Withdrawal(c.Withdrawn!)}", PageFlow.Font(9));
    }
}
