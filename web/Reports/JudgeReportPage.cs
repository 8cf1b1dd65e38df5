using System.Globalization;

namespace Arena.Web.Reports;

/// <summary>
/// The result sheet's annex: the judge-consistency figures of the same snapshot, on a page of its own after the
/// signature lines, so that officials who sign the results see how consistently each judge scored.
/// </summary>
public static class JudgeReportPage
{
    public static void Draw(PageFlow flow, ReportData data, ReportText t)
    {
        if (data.JudgeReport is not { Judges.Count: > 0 } report) return;
        flow.NewPage();
        flow.Paragraph(t.L("附：评委评分一致性", "Annex: judge consistency"), PageFlow.Font(12, bold: true), after: 4);
        flow.Paragraph(t.L(
            $"偏差为评委分数减去同组（同一选手、轮次、评审组）分数的中位数；离散度为偏差的标准差；ρ 为评委排序与最终名次的斯皮尔曼等级相关；异常按偏离中位数超过 {N(report.Thresholds.Points)} 分或 {N(report.Thresholds.Sds)} 倍标准差。",
            $"Deviation: the judge's score minus the median of the same contestant's, round's and panel's sheets; spread: its standard deviation; ρ: Spearman's rank correlation with the final ranking; outliers: more than {N(report.Thresholds.Points)} points from the median or {N(report.Thresholds.Sds)} standard deviations."),
            PageFlow.Font(8.5), after: 6);
        var judges = new ReportTable(flow, [
            (t.L("评委", "Judge"), 1.3), (t.L("轮次", "Round"), 1.3), (new Cell(t.L("评分数", "Sheets"), Number: true), 0.7),
            (new Cell(t.L("平均偏差", "Mean dev."), Number: true), 0.9), (new Cell(t.L("离散度", "Spread"), Number: true), 0.8),
            (new Cell(t.L("被去掉", "Dropped"), Number: true), 0.8), (new Cell("ρ", Number: true), 0.7), (t.L("异常", "Outliers"), 1.8)]);
        judges.Header();
        foreach (var j in report.Judges)
            judges.Row([j.Name, j.RoundTitle, new Cell(j.Sheets.ToString(CultureInfo.InvariantCulture), Number: true),
                new Cell(N(j.MeanDeviation), Number: true), new Cell(N(j.DeviationSd), Number: true),
                new Cell(j.Dropped.ToString(CultureInfo.InvariantCulture), Number: true), new Cell(N(j.Spearman), Number: true),
                string.Join(t.L("、", ", "), j.Outliers.Select(c => c.Name))]);
        flow.Gap(8);
        var panels = new ReportTable(flow, [(t.L("轮次", "Round"), 1.5), (t.L("评审组", "Panel"), 1.5), (new Cell(t.L("评委", "Judges"), Number: true), 0.8),
            (new Cell(t.L("选手", "Contestants"), Number: true), 0.8), (new Cell(t.L("肯德尔和谐系数 W", "Kendall's W"), Number: true), 1.2)]);
        panels.Header();
        foreach (var p in report.Panels)
            panels.Row([p.RoundTitle, p.PanelTitle ?? t.L("全体评委", "all judges"), new Cell(p.Judges.ToString(CultureInfo.InvariantCulture), Number: true),
                new Cell(p.Contestants.ToString(CultureInfo.InvariantCulture), Number: true), new Cell(N(p.KendallW), Number: true)]);
    }

    private static string N(decimal? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";
}
