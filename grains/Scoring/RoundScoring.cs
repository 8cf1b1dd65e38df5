namespace Arena.Scoring;

/// <summary>One contestant's score in one round: panels aggregated on their own, weighted, adjusted, then rounded once.</summary>
internal static class RoundScoring
{
    /// <param name="judges">The judges whose sheets count (assigned, not recused), in definition order.</param>
    /// <param name="sheets">This contestant's latest sheet per judge in this round.</param>
    public static RoundResult Score(
        RoundDefinition round, IReadOnlyList<JudgeDefinition> judges, IReadOnlyDictionary<string, Sheet> sheets,
        decimal adjustment, bool closed, RoundingRule rounding, bool untrimmed, VoteCount? votes = null)
    {
        var outcomes = new List<SheetOutcome>();
        var panels = new List<PanelOutcome>();
        var parts = new List<(decimal Weight, Exact Score)>();
        var missingPanel = false;

        foreach (var (panel, weight) in Groups(round))
        {
            if (AudiencePanel(round, panel) is { } audience)
            {
                // The hall's panel: no sheets; its score once its voting window closed with an exact count.
                var hall = votes is null ? (Exact?)null : Votes(round, audience, votes);
                panels.Add(new PanelOutcome(panel!, weight, hall?.Value));
                if (hall is { } counted) parts.Add((weight, counted));
                else missingPanel = true;
                continue;
            }
            var members = judges.Where(j => panel is null || j.Panel == panel).ToList();
            var present = members.Where(j => sheets.ContainsKey(j.Id)).Select(j => (j.Id, sheets[j.Id].Total)).ToList();
            var aggregate = Aggregation.Apply(round.Aggregation, present, untrimmed);

            outcomes.AddRange(present.Select(s => new SheetOutcome(s.Id, panel, s.Total, !aggregate.Dropped.Contains(s.Id))));
            if (panel is not null) panels.Add(new PanelOutcome(panel, weight, aggregate.Score?.Value));
            if (aggregate.Score is { } score) parts.Add((weight, score));
            else missingPanel = true;
        }

        // Panel weights are applied as given (0.8 × experts + 0.2 × public); a panel without a score yet leaves
        // the round without one rather than letting the other panel stand for the whole.
        Exact? exact = missingPanel ? null : Assignments.HasPanels(round) ? Exact.WeightedSum(parts) : parts[0].Score;
        var complete = closed || (judges.All(j => sheets.ContainsKey(j.Id)) && (votes is not null || !HasAudience(round)));
        return new RoundResult(
            round.Id,
            exact is { } e ? Rounding.Apply(e.Plus(adjustment).Value, rounding) : null,
            exact?.Value,
            adjustment,
            complete,
            closed,
            [.. outcomes.OrderBy(o => IndexOf(judges, o.Judge))],
            panels);
    }

    internal static bool HasAudience(RoundDefinition round) => round.Panels?.Any(PanelKinds.IsAudience) == true;

    private static PanelDefinition? AudiencePanel(RoundDefinition round, string? panel) =>
        panel is null ? null : round.Panels!.FirstOrDefault(p => p.Id == panel && PanelKinds.IsAudience(p));

    /// <summary>Σ values / (ballots × top) × the round's scale, kept exact (<see cref="VoteMethods"/>); no ballot scores 0.</summary>
    internal static Exact Votes(RoundDefinition round, PanelDefinition panel, VoteCount votes) =>
        votes.Ballots == 0 ? Exact.Of(0m) : new Exact(votes.Sum * Scale(round), (long)votes.Ballots * VoteMethods.Top(VoteMethods.Of(panel)));

    /// <summary>The highest score of the round: its max, or its criteria's maxima summed.</summary>
    internal static decimal Scale(RoundDefinition round) => round.Criteria is { Count: > 0 } c ? c.Sum(x => x.Max) : round.Max ?? 0m;

    private static IEnumerable<(string? Panel, decimal Weight)> Groups(RoundDefinition round) =>
        Assignments.HasPanels(round)
            ? round.Panels!.Select(p => ((string?)p.Id, p.Weight))
            : [(null, 1m)];

    private static int IndexOf(IReadOnlyList<JudgeDefinition> judges, string id)
    {
        for (var i = 0; i < judges.Count; i++)
            if (judges[i].Id == id) return i;
        return judges.Count;
    }
}
