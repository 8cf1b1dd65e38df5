namespace Arena.Scoring;

// Rounds, their rubric and panels: titles are names; everything else decides how sheets become scores.
public static partial class DefinitionDiff
{
    private static void Rounds(Changes add, IReadOnlyList<RoundDefinition> old, IReadOnlyList<RoundDefinition> now)
    {
        add.Order("rounds", old.Select(r => r.Id), now.Select(r => r.Id));
        foreach (var (id, a, b) in Pair(old, now, r => r.Id))
        {
            var at = $"rounds[{id}]";
            if (a is null || b is null) { add.Presence(ChangeKinds.Scoring, at, a?.Title, b?.Title); continue; }
            add.Value(ChangeKinds.Cosmetic, at + ".title", a.Title, b.Title);
            add.Value(ChangeKinds.Scoring, at + ".weight", Text(a.Weight), Text(b.Weight));
            add.Value(ChangeKinds.Scoring, at + ".max", Text(a.Max), Text(b.Max));
            add.Value(ChangeKinds.Scoring, at + ".step", Text(a.Step), Text(b.Step));
            add.Value(ChangeKinds.Scoring, at + ".aggregation", Aggregation(a.Aggregation), Aggregation(b.Aggregation));
            add.Value(ChangeKinds.Scoring, at + ".judges", List(a.Judges), List(b.Judges));
            Criteria(add, at, a.Criteria ?? [], b.Criteria ?? []);
            Panels(add, at, a.Panels ?? [], b.Panels ?? []);
        }
    }

    private static void Criteria(Changes add, string round, IReadOnlyList<CriterionDefinition> old, IReadOnlyList<CriterionDefinition> now)
    {
        add.Order(round + ".criteria", old.Select(c => c.Id), now.Select(c => c.Id));
        foreach (var (id, a, b) in Pair(old, now, c => c.Id))
        {
            var at = $"{round}.criteria[{id}]";
            if (a is null || b is null) { add.Presence(ChangeKinds.Scoring, at, a?.Title, b?.Title); continue; }
            add.Value(ChangeKinds.Cosmetic, at + ".title", a.Title, b.Title);
            add.Value(ChangeKinds.Scoring, at + ".max", Text(a.Max), Text(b.Max));
            add.Value(ChangeKinds.Scoring, at + ".step", Text(a.Step), Text(b.Step));
        }
    }

    private static void Panels(Changes add, string round, IReadOnlyList<PanelDefinition> old, IReadOnlyList<PanelDefinition> now)
    {
        foreach (var (id, a, b) in Pair(old, now, p => p.Id))
        {
            var at = $"{round}.panels[{id}]";
            if (a is null || b is null) { add.Presence(ChangeKinds.Scoring, at, a?.Title, b?.Title); continue; }
            add.Value(ChangeKinds.Cosmetic, at + ".title", a.Title, b.Title);
            add.Value(ChangeKinds.Scoring, at + ".weight", Text(a.Weight), Text(b.Weight));
        }
    }

    private static string Aggregation(AggregationRule r) =>
        r.Method == AggregationMethods.TrimmedMean ? $"{r.Method} -{r.DropHighest}/-{r.DropLowest}" : r.Method;
}
