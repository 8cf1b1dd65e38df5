namespace Arena.Scoring;

/// <summary>
/// Standard competition ranking (1, 2, 2, 4) by the rounded total, then the final's tie-breakers; then awards. Only a
/// contestant with a complete round is ranked: before that a total is a partial mean or nothing (0.00), and a rank on it
/// (every unscored contestant "1st") misleads; such a contestant has rank 0 (shown as —) and comes after the ranked
/// ones in running order, then the withdrawn. An award goes only to a contestant whose every round is complete.
/// </summary>
internal static class Ranking
{
    private static bool Rankable(ContestantLine l) => l.Withdrawn is null && l.Detail.Any(r => r.Complete);

    public static IReadOnlyList<StandingRow> Rank(FinalDefinition d, IReadOnlyList<ContestantLine> all)
    {
        var tieBreakers = d.Ranking.TieBreakers;
        var lines = all.Where(Rankable).ToList();
        return [.. lines
            // Everyone strictly ahead pushes the rank down by one; equals share it.
            .Select(line => (Line: line, Rank: 1 + lines.Count(other => Compare(other, line, tieBreakers) > 0)))
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Line.Contestant.Order)
            .ThenBy(x => x.Line.Contestant.Id, StringComparer.Ordinal)
            .Select(x => Row(d, x.Line, x.Rank)),
            .. Unranked(d, all)];
    }

    /// <summary>After the ranked contestants, in running order: those with no complete round yet, then the withdrawn;
    /// no rank (0), no award.</summary>
    private static IEnumerable<StandingRow> Unranked(FinalDefinition d, IReadOnlyList<ContestantLine> all) =>
        all.Where(l => !Rankable(l))
            .OrderBy(l => l.Withdrawn is null ? 0 : 1).ThenBy(l => l.Contestant.Order).ThenBy(l => l.Contestant.Id, StringComparer.Ordinal)
            .Select(l => Row(d, l, 0));

    /// <summary>
    /// The same ranking by sorting, O(C log C) rather than comparing every pair: in descending order the first of a
    /// group of equals has exactly its index of contestants strictly ahead. <see cref="LiveStandings"/> uses it;
    /// <see cref="ScoringEngine"/> keeps the definition above as the reference the property tests compare against.
    /// </summary>
    public static IReadOnlyList<StandingRow> Sorted(FinalDefinition d, IReadOnlyList<ContestantLine> all)
    {
        var tieBreakers = d.Ranking.TieBreakers;
        var sorted = all.Where(Rankable).ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            var by = Compare(b, a, tieBreakers);
            if (by != 0) return by;
            by = a.Contestant.Order.CompareTo(b.Contestant.Order);
            return by != 0 ? by : string.CompareOrdinal(a.Contestant.Id, b.Contestant.Id);
        });
        var rows = new StandingRow[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var rank = i > 0 && Compare(sorted[i - 1], sorted[i], tieBreakers) == 0 ? rows[i - 1].Rank : i + 1;
            rows[i] = Row(d, sorted[i], rank);
        }
        return [.. rows, .. Unranked(d, all)];
    }

    /// <summary>Positive when <paramref name="a"/> ranks ahead of <paramref name="b"/>.</summary>
    private static int Compare(ContestantLine a, ContestantLine b, IReadOnlyList<string> tieBreakers)
    {
        var byTotal = a.Total.CompareTo(b.Total);
        if (byTotal != 0) return byTotal;
        foreach (var tb in tieBreakers)
        {
            var by = tb == TieBreakers.Untrimmed
                ? Nullable.Compare(a.Untrimmed, b.Untrimmed)
                : Nullable.Compare(RoundScore(a, TieBreakers.RoundOf(tb)), RoundScore(b, TieBreakers.RoundOf(tb)));
            if (by != 0) return by;
        }
        return 0;
    }

    // Nullable.Compare puts null below every number: a round not yet scored loses a tie-break to any score.
    private static decimal? RoundScore(ContestantLine line, string? round) =>
        line.Detail.FirstOrDefault(r => r.Round == round)?.Score;

    private static StandingRow Row(FinalDefinition d, ContestantLine line, int rank) => new(
        rank,
        line.Contestant.Id,
        line.Contestant.Name,
        line.Total,
        line.Detail.ToDictionary(r => r.Round, r => r.Score),
        line.Complete,
        line.Complete && rank > 0 ? Award(d.Awards, rank) : null,
        line.Detail,
        line.Withdrawn);

    // Tiers are filled in order; a tie across a boundary lifts everyone tied into the better tier,
    // because "first tier whose cumulative count reaches the rank" looks only at the shared rank.
    private static string? Award(IReadOnlyList<AwardTier> tiers, int rank)
    {
        var places = 0;
        foreach (var tier in tiers)
        {
            places += tier.Count;
            if (rank <= places) return tier.Title;
        }
        return null;
    }
}
