namespace Arena.Web.Reports;

/// <summary>
/// Every judge's own sheets for them to sign: one page per judge (more only when their sheets do not fit on one),
/// each round's contestants in running order with the criteria and total as the judge submitted them, whether the
/// aggregation counted them, the judge's signature line, and the digest footer.
/// </summary>
public static class JudgeSheetsPdf
{
    public static byte[] Render(ReportData data, ReportText t)
    {
        var d = data.Definition;
        using var flow = new PageFlow(d.Title);
        var running = data.Contestants.OrderBy(c => c.Contestant.Order).ToList();
        for (var i = 0; i < d.Judges.Count; i++)
        {
            if (i > 0) flow.NewPage();
            var judge = d.Judges[i];
            flow.Paragraph(d.Title, PageFlow.Font(13, bold: true), after: 2);
            flow.Paragraph(t.L($"评委评分表　{judge.Name}", $"Judge's score sheet   {judge.Name}"), PageFlow.Font(12, bold: true), after: 2);
            var panel = judge.Panel is { } p ? t.L($"　分组：{ReportText.Panel(d, p)}", $"   panel: {ReportText.Panel(d, p)}") : "";
            var chief = judge.Chief ? t.L("　主裁判", "   chief judge") : "";
            flow.Paragraph(t.L($"评委编号：{judge.Id}{panel}{chief}", $"Judge id: {judge.Id}{panel}{chief}"), PageFlow.Font(9), after: 6);
            foreach (var round in d.Rounds.Where(r => Scoring.Assignments.IsAssigned(d, judge.Id, r.Id)))
                Round(flow, round, running, judge.Id, t);
            flow.Gap(10);
            flow.Need(60);
            flow.Paragraph(t.L("本人确认以上评分为本人所评，准确无误。", "I confirm that the scores above are mine and correct."), PageFlow.Font(9.5), after: 4);
            var half = flow.Width / 2;
            Signatures.Line(flow, t.L($"评委签名（{judge.Name}）", $"Judge ({judge.Name})"), flow.Left, half - 12, PageFlow.Font(10));
            Signatures.Line(flow, t.L("日期", "Date"), flow.Left + half, half, PageFlow.Font(10));
            flow.Y += 30;
        }
        return flow.Finish((g, page, pages) => ReportFooter.Draw(g, data, t, page, pages));
    }

    private static void Round(PageFlow flow, Scoring.RoundDefinition r, IReadOnlyList<ContestantReport> running, string judge, ReportText t)
    {
        var criteria = r.Criteria ?? [];
        flow.Need(50);
        flow.Paragraph(t.L($"{r.Title}", $"{r.Title}"), PageFlow.Font(10, bold: true), after: 1);
        var columns = new List<(Cell, double)> { (t.L("选手", "Contestant"), 2.2) };
        columns.AddRange(criteria.Select(x => ((Cell)new Cell($"{x.Title}({ReportText.Num(x.Max)})", Number: true), 1.0)));
        columns.Add((new Cell(criteria.Count > 0 ? t.L("合计", "Total") : t.L($"分数({ReportText.Num(r.Max ?? 0)})", $"Score ({ReportText.Num(r.Max ?? 0)})"), Number: true), 1.0));
        columns.Add((t.L("计入", "Counts"), 0.9));
        var table = new ReportTable(flow, columns, fontSize: 9);
        table.Header();
        foreach (var c in running)
        {
            var round = c.Rounds.First(x => x.Round.Id == r.Id);
            var cells = new List<Cell> { c.Contestant.Name };
            if (round.Recused.Any(j => j.Id == judge))
            {
                cells.AddRange(criteria.Select(_ => new Cell("")));
                cells.AddRange([t.L("回避", "recused"), ""]);
            }
            else
            {
                var sheet = round.Sheets.FirstOrDefault(s => s.Judge.Id == judge);
                cells.AddRange(criteria.Select(x => new Cell(sheet?.Total is not null && sheet.Criteria?.GetValueOrDefault(x.Id) is { } v ? ReportText.Num(v) : "", Number: true)));
                cells.Add(new Cell(sheet?.Total is { } total ? ReportText.Num(total) : sheet?.State == "reopened" ? t.L("已退回", "reopened") : t.L("未提交", "pending"), Number: sheet?.Total is not null));
                cells.Add(sheet?.Counted switch { true => t.L("计入", "yes"), false => t.L("去掉", "dropped"), _ => "" });
            }
            table.Row(cells);
        }
        flow.Gap(6);
    }
}
