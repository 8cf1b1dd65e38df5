using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>The final's scoring rules in one paragraph, as printed under the title: aggregation and drops per round,
/// weights, panels, adjustments, rounding, tie-breakers and awards.</summary>
public static class RulesText
{
    public static string Of(FinalDefinition d, ReportText t)
    {
        var parts = new List<string>();
        foreach (var r in d.Rounds)
            parts.Add(t.L($"{r.Title}（权重 {ReportText.Percent(r.Weight)}）{Round(r, t)}", $"{r.Title} (weight {ReportText.Percent(r.Weight)}): {Round(r, t)}"));
        var sep = t.L("；", "; ");
        var rounding = d.Rounding.Mode == RoundingModes.HalfEven ? t.L("四舍六入五成双", "half to even") : t.L("四舍五入", "half up");
        var text = t.L(
            $"计分规则：{string.Join(sep, parts)}。总分为各轮得分的加权和；加分、扣分在汇总后计入，指明轮次的计入该轮得分，否则计入总分。"
            + $"各轮得分和总分{rounding}保留 {d.Rounding.Decimals} 位小数。名次按总分从高到低排列，总分相同者并列",
            $"Scoring rules: {string.Join(sep, parts)}. The total is the weighted sum of the round scores; penalties and bonuses "
            + $"are applied after aggregation, to the round they name or else to the total. Round scores and the total are rounded "
            + $"{rounding} to {d.Rounding.Decimals} decimals. Ranking by total, highest first; equal totals share a rank");
        if (d.Ranking.TieBreakers.Count > 0)
            text += t.L($"，依次比较{string.Join("、", d.Ranking.TieBreakers.Select(b => TieBreaker(d, b, t)))}后仍相同者并列",
                $" unless broken, in order, by {string.Join(", then ", d.Ranking.TieBreakers.Select(b => TieBreaker(d, b, t)))}");
        text += t.L("。", ".");
        if (d.Awards.Count > 0)
            text += t.L($"奖项：{string.Join("、", d.Awards.Select(a => $"{a.Title} {a.Count} 名"))}。",
                $" Awards: {string.Join(", ", d.Awards.Select(a => $"{a.Title} {a.Count}"))}.");
        return text;
    }

    private static string Round(RoundDefinition r, ReportText t)
    {
        var scale = r.Criteria is { Count: > 0 } c
            ? t.L($"评分项 {string.Join("、", c.Select(x => $"{x.Title} {ReportText.Num(x.Max)} 分"))}，", $"criteria {string.Join(", ", c.Select(x => $"{x.Title} {ReportText.Num(x.Max)}"))}; ")
            : t.L($"满分 {ReportText.Num(r.Max ?? 0)} 分，", $"out of {ReportText.Num(r.Max ?? 0)}; ");
        var how = Aggregation(r.Aggregation, t);
        if (r.Panels is { Count: > 0 } panels)
            return scale + t.L($"分组计分（{string.Join("、", panels.Select(p => $"{Name(p)} {ReportText.Percent(p.Weight)}"))}），各组{how}",
                $"scored in panels ({string.Join(", ", panels.Select(p => $"{Name(p)} {ReportText.Percent(p.Weight)}"))}), each panel {how}");
        return scale + how;
    }

    public static string Aggregation(AggregationRule a, ReportText t) => a.Method switch
    {
        AggregationMethods.TrimmedMean => t.L($"去掉 {a.DropHighest} 个最高分、{a.DropLowest} 个最低分后取平均",
            $"the mean after dropping the {a.DropHighest} highest and {a.DropLowest} lowest sheets"),
        AggregationMethods.Median => t.L("取中位数", "the median of the sheets"),
        AggregationMethods.Sum => t.L("各评委分数求和", "the sum of the sheets"),
        _ => t.L("取平均", "the mean of the sheets"),
    };

    public static string Name(PanelDefinition p) => p.Title.Length > 0 ? p.Title : p.Id;

    private static string TieBreaker(FinalDefinition d, string breaker, ReportText t)
    {
        if (breaker.StartsWith("round:", StringComparison.Ordinal))
        {
            var id = breaker["round:".Length..];
            var title = d.Rounds.FirstOrDefault(r => r.Id == id)?.Title ?? id;
            return t.L($"{title}得分", $"the {title} score");
        }
        return breaker == "untrimmed" ? t.L("不去分的总分", "the total without dropped sheets") : breaker;
    }
}
