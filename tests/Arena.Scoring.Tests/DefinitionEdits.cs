namespace Arena.Scoring.Tests;

/// <summary>Changes one element of a definition's lists, so that a test case reads as the one thing it breaks.</summary>
internal static class DefinitionEdits
{
    public static FinalDefinition Round(this FinalDefinition d, int i, Func<RoundDefinition, RoundDefinition> edit) =>
        d with { Rounds = Replace(d.Rounds, i, edit) };

    public static FinalDefinition Judge(this FinalDefinition d, int i, Func<JudgeDefinition, JudgeDefinition> edit) =>
        d with { Judges = Replace(d.Judges, i, edit) };

    public static FinalDefinition Contestant(this FinalDefinition d, int i, Func<ContestantDefinition, ContestantDefinition> edit) =>
        d with { Contestants = Replace(d.Contestants, i, edit) };

    public static RoundDefinition Criterion(this RoundDefinition r, int i, Func<CriterionDefinition, CriterionDefinition> edit) =>
        r with { Criteria = Replace(r.Criteria!, i, edit) };

    public static RoundDefinition Panel(this RoundDefinition r, int i, Func<PanelDefinition, PanelDefinition> edit) =>
        r with { Panels = Replace(r.Panels!, i, edit) };

    public static RoundDefinition Aggregate(this RoundDefinition r, string method, int dropHighest = 0, int dropLowest = 0) =>
        r with { Aggregation = new AggregationRule { Method = method, DropHighest = dropHighest, DropLowest = dropLowest } };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int i, Func<T, T> edit) =>
        [.. list.Select((item, k) => k == i ? edit(item) : item)];
}
