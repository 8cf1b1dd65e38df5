namespace Arena.Scoring;

public static partial class DefinitionValidator
{
    // A final that cannot produce a score for someone must be refused up front, not discovered on stage:
    // each round (each panel of it) needs enough judges for its aggregation, for every contestant after recusals.
    private static void CheckCoverage(FinalDefinition d, List<ValidationProblem> problems)
    {
        if (d.Rounds is null || d.Judges is null || d.Contestants is null) return;
        var judges = d.Judges.Where(j => j is not null).ToList();
        for (var i = 0; i < d.Rounds.Count; i++)
        {
            if (d.Rounds[i] is not { Aggregation: { } a } round || Needed(a) is not { } needed) continue;
            foreach (var (panel, at) in Groups(round, i))
            {
                var assigned = judges.Where(j => Assignments.IsAssigned(round, j) && (panel is null || j.Panel == panel)).ToList();
                if (assigned.Count < needed)
                {
                    problems.Add(new(at, $"{Where(round, panel, capital: true)} has {Judges(assigned.Count)}, but {Need(a, needed)}."));
                    continue;
                }
                for (var c = 0; c < d.Contestants.Count; c++)
                {
                    if (d.Contestants[c] is not { } contestant) continue;
                    var left = assigned.Count(j => !Assignments.IsRecused(j, contestant.Id));
                    if (left < needed)
                        problems.Add(new($"contestants[{c}]",
                            $"Contestant '{contestant.Id}' would be left with {Judges(left)} in {Where(round, panel, capital: false)} " +
                            $"after recusals, but {Need(a, needed)}."));
                }
            }
        }
    }

    private static IEnumerable<(string? Panel, string At)> Groups(RoundDefinition round, int index)
    {
        if (!Assignments.HasPanels(round))
        {
            yield return (null, $"rounds[{index}].judges");
            yield break;
        }
        for (var k = 0; k < round.Panels!.Count; k++)
            // An audience panel has no judges: the hall's votes score it.
            if (round.Panels[k] is { } p && !string.IsNullOrEmpty(p.Id) && !PanelKinds.IsAudience(p))
                yield return (p.Id, $"rounds[{index}].panels[{k}]");
    }

    /// <summary>How many sheets the aggregation needs to give a score; null when the rule is too broken to say.</summary>
    private static int? Needed(AggregationRule a) => a.Method switch
    {
        AggregationMethods.TrimmedMean when a.DropHighest >= 0 && a.DropLowest >= 0 => a.DropHighest + a.DropLowest + 1,
        AggregationMethods.Mean or AggregationMethods.Median or AggregationMethods.Sum => 1,
        _ => null,
    };

    private static string Need(AggregationRule a, int needed) => a.Method == AggregationMethods.TrimmedMean
        ? $"'{a.Method}' dropping {a.DropHighest} highest and {a.DropLowest} lowest needs at least {needed}"
        : $"'{a.Method}' needs at least 1";

    private static string Where(RoundDefinition round, string? panel, bool capital) => panel is null
        ? $"{(capital ? "Round" : "round")} '{round.Id}'"
        : $"{(capital ? "Panel" : "panel")} '{panel}' of round '{round.Id}'";

    private static string Judges(int n) => n switch { 0 => "no judges", 1 => "1 judge", _ => $"{n} judges" };
}
