namespace Arena.Scoring;

/// <summary>
/// The standings of a final as a pure function of its (valid) definition and everything scored so far.
/// Recomputed from scratch on every change: a final is small, and a fold that can drift is worse than a few microseconds.
/// </summary>
public static class ScoringEngine
{
    public static StandingsResult Compute(FinalDefinition d, ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(input);

        // A judge may resubmit after a reopen: the last sheet in the input is the corrected one.
        var latest = new Dictionary<(string Contestant, string Round), Dictionary<string, Sheet>>();
        foreach (var sheet in input.Sheets)
        {
            if (!latest.TryGetValue((sheet.Contestant, sheet.Round), out var byJudge))
                latest[(sheet.Contestant, sheet.Round)] = byJudge = new(StringComparer.Ordinal);
            byJudge[sheet.Judge] = sheet;
        }
        var closed = input.Closures.Select(c => (c.Contestant, c.Round)).ToHashSet();
        var untrimmed = d.Ranking.TieBreakers.Contains(TieBreakers.Untrimmed);
        var votes = new Dictionary<(string, string), VoteCount>();
        foreach (var v in input.Votes ?? []) votes[(v.Contestant, v.Round)] = v;

        // A withdrawn contestant is scored as if nobody had scored them: their sheets do not count (they stay stored).
        var withdrawn = (input.Withdrawals ?? []).ToDictionary(w => w.Contestant, w => w.Kind, StringComparer.Ordinal);
        var lines = d.Contestants
            .Select(c => withdrawn.TryGetValue(c.Id, out var kind)
                ? Score(d, c, [], [], [], [], untrimmed) with { Withdrawn = kind }
                : Score(d, c, latest, input.Adjustments, closed, votes, untrimmed))
            .ToList();
        return new StandingsResult(Ranking.Rank(d, lines));
    }

    /// <summary>What a screen may show: the full standings recomputed from the input of complete rounds only (no
    /// judge's number before the round is complete; an adjustment of the total once some round of the contestant is).</summary>
    public static StandingsResult Revealed(FinalDefinition d, ScoringInput input, StandingsResult full)
    {
        var complete = full.Rows.SelectMany(r => r.Detail.Where(x => x.Complete).Select(x => (r.Contestant, x.Round))).ToHashSet();
        var anyRevealed = complete.Select(c => c.Contestant).ToHashSet();
        return Compute(d, new ScoringInput(
            [.. input.Sheets.Where(s => complete.Contains((s.Contestant, s.Round)))],
            [.. input.Adjustments.Where(a => string.IsNullOrEmpty(a.Round) ? anyRevealed.Contains(a.Contestant) : complete.Contains((a.Contestant, a.Round)))],
            [.. input.Closures.Where(c => complete.Contains((c.Contestant, c.Round)))],
            input.Withdrawals,
            [.. (input.Votes ?? []).Where(v => complete.Contains((v.Contestant, v.Round)))]));
    }

    private static ContestantLine Score(
        FinalDefinition d, ContestantDefinition contestant,
        Dictionary<(string, string), Dictionary<string, Sheet>> latest,
        IReadOnlyList<Adjustment> adjustments, HashSet<(string, string)> closed,
        Dictionary<(string, string), VoteCount> votes, bool withUntrimmed)
    {
        var mine = adjustments.Where(a => a.Contestant == contestant.Id).ToList();
        var detail = new List<RoundResult>();
        decimal weighted = 0m, weightedUntrimmed = 0m;

        foreach (var round in d.Rounds)
        {
            var judges = Assignments.JudgesFor(d, contestant.Id, round.Id);
            var sheets = latest.GetValueOrDefault((contestant.Id, round.Id)) ?? [];
            var adjustment = mine.Where(a => a.Round == round.Id).Sum(a => a.Points);
            var isClosed = closed.Contains((contestant.Id, round.Id));
            var counted = votes.GetValueOrDefault((contestant.Id, round.Id));

            var result = RoundScoring.Score(round, judges, sheets, adjustment, isClosed, d.Rounding, untrimmed: false, counted);
            detail.Add(result);
            // Round scores are weighted as rounded: the total must follow from the numbers people see.
            weighted += round.Weight * (result.Score ?? 0m);
            if (withUntrimmed)
                weightedUntrimmed += round.Weight *
                    (RoundScoring.Score(round, judges, sheets, adjustment, isClosed, d.Rounding, untrimmed: true, counted).Score ?? 0m);
        }

        // An adjustment naming no round (or an empty one, as a form may send) applies to the total.
        var totalAdjustment = mine.Where(a => string.IsNullOrEmpty(a.Round)).Sum(a => a.Points);
        return new ContestantLine(
            contestant,
            Rounding.Apply(weighted + totalAdjustment, d.Rounding),
            withUntrimmed ? Rounding.Apply(weightedUntrimmed + totalAdjustment, d.Rounding) : null,
            detail,
            detail.All(r => r.Complete),
            detail.Any(r => r.Score is not null));
    }
}

/// <summary>A contestant's scores before ranking.</summary>
/// <param name="Scored">Some round has a score, i.e. the total comes from at least one sheet.</param>
/// <param name="Withdrawn">The contestant's withdrawal kind: not ranked.</param>
internal sealed record ContestantLine(
    ContestantDefinition Contestant, decimal Total, decimal? Untrimmed, IReadOnlyList<RoundResult> Detail, bool Complete, bool Scored,
    string? Withdrawn = null);
