using System.Globalization;
using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>One contestant on the result sheet: per round a table of every assigned judge's sheet (criteria and total,
/// dropped ones struck through), then how the round score came about, the adjustments with reasons, and the result.</summary>
public static class ContestantBlock
{
    public static void Draw(PageFlow flow, ReportData data, ContestantReport c, ReportText t)
    {
        var d = data.Definition;
        flow.Gap(6);
        flow.Need(70);
        var place = c.Withdrawn is { } kind ? t.Withdrawal(kind) : c.Row.Rank == 0 ? t.L("未排名（无完成轮次）", "Not ranked (no complete round)") : t.L($"第 {c.Row.Rank} 名", $"Rank {c.Row.Rank}");
        flow.Paragraph($"{place}　{c.Contestant.Name}　{c.Contestant.Unit}", PageFlow.Font(10.5, bold: true), after: 2);
        foreach (var round in c.Rounds) Round(flow, d, round, t);
        foreach (var a in c.Adjustments)
        {
            var where = a.Round is { } r ? d.Rounds.FirstOrDefault(x => x.Id == r)?.Title ?? r : t.L("总分", "the total");
            var confirmed = a.Confirmed is { } s
                ? t.L($"；{t.Actor(s.By, d)} 确认，{t.Time(s.At, data.Zone)}（{s.Reason}）", $"; confirmed by {t.Actor(s.By, d)}, {t.Time(s.At, data.Zone)} ({s.Reason})") : "";
            flow.Paragraph(t.L($"调整：{ReportText.Signed(a.Points)} 分（计入{where}），理由：{a.Reason}；{t.Actor(a.Actor, d)}，{t.Time(a.At, data.Zone)}{confirmed}",
                $"Adjustment: {ReportText.Signed(a.Points)} (to {where}), reason: {a.Reason}; {t.Actor(a.Actor, d)}, {t.Time(a.At, data.Zone)}{confirmed}"), PageFlow.Font(8.5), after: 1);
        }
        var award = c.Withdrawn is null && c.Row.Award is { } aw ? t.L($"　奖项 {aw}", $"   award {aw}") : "";
        var rank = c.Withdrawn is null && c.Row.Rank > 0 ? t.L($"　名次 {c.Row.Rank}", $"   rank {c.Row.Rank}") : "";
        flow.Paragraph(t.L($"总分 {ReportText.Fixed(c.Row.Total, d)}{rank}{award}", $"Total {ReportText.Fixed(c.Row.Total, d)}{rank}{award}")
            + (c.Row.Complete ? "" : t.L("（暂定）", " (provisional)")), PageFlow.Font(9.5, bold: true), after: 4);
    }

    private static void Round(PageFlow flow, FinalDefinition d, RoundReport round, ReportText t)
    {
        var r = round.Round;
        var criteria = r.Criteria ?? [];
        var panels = r.Panels is { Count: > 0 };
        flow.Need(60);
        flow.Paragraph(t.L($"{r.Title}（权重 {ReportText.Percent(r.Weight)}）", $"{r.Title} (weight {ReportText.Percent(r.Weight)})"), PageFlow.Font(9.5, bold: true), after: 1, indent: 6);

        var columns = new List<(Cell, double)> { (t.L("评委", "Judge"), 1.6) };
        if (panels) columns.Add((t.L("组", "Panel"), 1.0));
        columns.AddRange(criteria.Select(x => ((Cell)new Cell($"{x.Title}({ReportText.Num(x.Max)})", Number: true), 1.0)));
        columns.Add((new Cell(criteria.Count > 0 ? t.L("合计", "Total") : t.L($"分数({ReportText.Num(r.Max ?? 0)})", $"Score ({ReportText.Num(r.Max ?? 0)})"), Number: true), 1.0));
        columns.Add((t.L("计入", "Counts"), 0.9));
        var table = new ReportTable(flow, columns);
        table.Header();
        foreach (var sheet in round.Sheets)
        {
            var dropped = sheet.Counted == false;
            var cells = new List<Cell> { sheet.Judge.Name };
            if (panels) cells.Add(PanelTitle(r, sheet.Judge.Panel));
            cells.AddRange(criteria.Select(x => new Cell(sheet.Criteria?.GetValueOrDefault(x.Id) is { } v && sheet.Total is not null ? ReportText.Num(v) : "", Number: true, Struck: dropped)));
            cells.Add(new Cell(sheet.Total is { } total ? ReportText.Num(total) : State(sheet.State, t), Number: sheet.Total is not null, Struck: dropped));
            cells.Add(sheet.Counted switch { true => t.L("计入", "yes"), false => t.L("去掉", "dropped"), _ => "" });
            table.Row(cells);
        }
        flow.Gap(2);
        flow.Paragraph(Summary(d, round, t), PageFlow.Font(8.5), after: 3, indent: 6);
    }

    /// <summary>How the round score came about: panel scores (exact), the aggregate, the round's adjustments, the rounded score.</summary>
    private static string Summary(FinalDefinition d, RoundReport round, ReportText t)
    {
        var res = round.Result;
        var parts = new List<string>();
        if (round.Round.Panels is { Count: > 0 })
            parts.Add(t.L("分组得分 ", "panels ") + string.Join(t.L("、", ", "), res.Panels.Select(p =>
                $"{PanelTitle(round.Round, p.Panel)} {Maybe(p.Exact)} ×{ReportText.Percent(p.Weight)}")));
        parts.Add(round.Round.Panels is { Count: > 0 }
            ? t.L($"加权 {Maybe(res.Exact)}", $"weighted {Maybe(res.Exact)}")
            : t.L($"{RulesText.Aggregation(round.Round.Aggregation, t)} {Maybe(res.Exact)}", $"{RulesText.Aggregation(round.Round.Aggregation, t)}: {Maybe(res.Exact)}"));
        if (res.Adjustment != 0) parts.Add(t.L($"本轮调整 {ReportText.Signed(res.Adjustment)}", $"adjusted {ReportText.Signed(res.Adjustment)}"));
        parts.Add(t.L($"本轮得分 {(res.Score is { } s ? ReportText.Fixed(s, d) : "—")}", $"round score {(res.Score is { } s2 ? ReportText.Fixed(s2, d) : "—")}")
            + (res.Complete ? res.Closed ? t.L("（主裁判已结束本轮）", " (closed by the chief judge)") : "" : t.L("（未完成）", " (incomplete)")));
        if (round.Recused.Count > 0)
            parts.Add(t.L("回避：", "recused: ") + string.Join(t.L("、", ", "), round.Recused.Select(j => j.Name)));
        return string.Join(t.L("；", "; "), parts);
    }

    private static string Maybe(decimal? exact) => exact is { } e ? ReportText.Exact(e) : "—";

    private static string PanelTitle(RoundDefinition r, string? panel) =>
        r.Panels?.FirstOrDefault(p => p.Id == panel) is { } p ? RulesText.Name(p) : panel ?? "";

    private static string State(string state, ReportText t) => state switch
    {
        "reopened" => t.L("已退回", "reopened"),
        "pending" => t.L("未提交", "pending"),
        _ => state.ToString(CultureInfo.InvariantCulture),
    };
}
