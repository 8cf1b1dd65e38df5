namespace Arena.Scoring;

/// <summary>The chief page's rule for a sheet far from the others (same defaults): more than <see cref="Points"/> from
/// the median of the contestant's sheets in that round, or more than <see cref="Sds"/> standard deviations from their
/// mean; 0 turns a test off.</summary>
public sealed record OutlierThresholds(decimal Points = 10, decimal Sds = 2);

/// <summary>One judge in one round: how far their sheets sit from their panel's median, how often the aggregation
/// dropped them, how their order of the contestants agrees with the final ranking, and which sheets were flagged.</summary>
public sealed record JudgeRoundFigures(
    string Judge, string Round, string? Panel, int Sheets,
    decimal? MeanDeviation, decimal? DeviationSd, int Dropped, decimal? DroppedShare,
    decimal? Spearman, IReadOnlyList<string> Outliers);

/// <summary>Kendall's W of one panel (or of a round's judges) over the contestants every one of them scored.</summary>
public sealed record PanelConcordance(string Round, string? Panel, int Judges, int Contestants, decimal? KendallW);

public sealed record JudgeConsistencyReport(OutlierThresholds Thresholds, IReadOnlyList<JudgeRoundFigures> Judges, IReadOnlyList<PanelConcordance> Panels);

/// <summary>
/// Judge-consistency figures for officials, computed from the standings' sheets (withdrawn contestants' sheets do not
/// count, so they are not there). Scores stay decimal; the spreads and correlations need square roots and are
/// statistics, not scores, so they are computed in double and given to 3 decimals.
/// <list type="bullet">
/// <item>Deviation: a sheet's total minus the median of the sheets of the same contestant, round and panel (its own
/// included); per judge their mean (above 0: more generous than the panel) and population standard deviation (as the
/// chief page's outlier rule).</item>
/// <item>Dropped: the judge's sheets the aggregation did not count (trimmed means), and their share.</item>
/// <item>Spearman's ρ between the judge's order of the contestants they scored (by their totals) and the final
/// ranking of those contestants; ties take average ranks (Pearson's r of the ranks).</item>
/// <item>Kendall's W of each panel per round, over the contestants every judge of the panel scored (a recused judge
/// leaves that contestant out), with the usual correction for ties.</item>
/// </list>
/// </summary>
public static class JudgeConsistency
{
    public static JudgeConsistencyReport Compute(FinalDefinition d, StandingsResult standings, OutlierThresholds thresholds)
    {
        var ranked = standings.Rows.Where(r => r.Withdrawn is null).ToList();
        var judges = new List<JudgeRoundFigures>();
        var panels = new List<PanelConcordance>();
        foreach (var round in d.Rounds)
        {
            // (contestant, final rank, that contestant's sheets in this round)
            var lines = ranked.Select(r => (r.Contestant, r.Rank, Sheets: r.Detail.First(x => x.Round == round.Id).Sheets)).ToList();
            var deviations = lines.SelectMany(l => l.Sheets.GroupBy(s => s.Panel)
                    .SelectMany(g => g.Select(s => (s.Judge, Deviation: s.Total - Median([.. g.Select(x => x.Total)])))))
                .ToLookup(x => x.Judge, x => x.Deviation);
            var flagged = lines.SelectMany(l => Outliers(l.Sheets, thresholds).Select(judge => (judge, l.Contestant))).ToLookup(x => x.judge, x => x.Contestant);
            foreach (var judge in d.Judges)
            {
                var mine = lines.SelectMany(l => l.Sheets.Where(s => s.Judge == judge.Id).Select(s => (l.Contestant, l.Rank, s))).ToList();
                if (mine.Count == 0) continue;
                var devs = deviations[judge.Id].ToList();
                var dropped = mine.Count(m => !m.s.Counted);
                judges.Add(new JudgeRoundFigures(judge.Id, round.Id, mine[0].s.Panel, mine.Count,
                    devs.Count > 0 ? Round3(devs.Average()) : null, devs.Count > 0 ? Round3(StandardDeviation(devs)) : null,
                    dropped, Round3((decimal)dropped / mine.Count),
                    Spearman([.. mine.Select(m => (double)m.s.Total)], [.. mine.Select(m => -(double)m.Rank)]),
                    [.. flagged[judge.Id]]));
            }
            foreach (var panel in lines.SelectMany(l => l.Sheets).Select(s => s.Panel).Distinct())
                panels.Add(Concordance(round.Id, panel, lines.Select(l => (l.Contestant, l.Sheets.Where(s => s.Panel == panel).ToList())).ToList()));
        }
        return new JudgeConsistencyReport(thresholds, judges, panels);
    }

    /// <summary>The judges whose sheet of one contestant's round the chief page would flag (at least three sheets).</summary>
    public static IEnumerable<string> Outliers(IReadOnlyList<SheetOutcome> sheets, OutlierThresholds t)
    {
        if (sheets.Count < 3) return [];
        var totals = sheets.Select(s => s.Total).ToList();
        var median = Median(totals);
        var mean = totals.Average();
        var sd = StandardDeviation(totals);
        return sheets.Where(s => (t.Points > 0 && Math.Abs(s.Total - median) > t.Points)
            || (t.Sds > 0 && sd > 0 && Math.Abs(s.Total - mean) > t.Sds * sd)).Select(s => s.Judge);
    }

    private static PanelConcordance Concordance(string round, string? panel, List<(string Contestant, List<SheetOutcome> Sheets)> lines)
    {
        var judges = lines.SelectMany(l => l.Sheets.Select(s => s.Judge)).Distinct().ToList();
        var complete = lines.Where(l => judges.All(j => l.Sheets.Any(s => s.Judge == j))).ToList();
        var (m, n) = (judges.Count, complete.Count);
        if (m < 2 || n < 2) return new PanelConcordance(round, panel, m, n, null);
        var sums = new double[n];
        double ties = 0;
        foreach (var judge in judges)
        {
            var ranks = Ranks([.. complete.Select(l => -(double)l.Sheets.First(s => s.Judge == judge).Total)]);
            for (var i = 0; i < n; i++) sums[i] += ranks[i];
            ties += ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        }
        var mean = m * (n + 1) / 2.0;
        var s = sums.Sum(r => (r - mean) * (r - mean));
        var denominator = (double)m * m * (Math.Pow(n, 3) - n) - m * ties;
        return new PanelConcordance(round, panel, m, n, denominator > 0 ? Round3((decimal)(12 * s / denominator)) : null);
    }

    private static decimal? Spearman(double[] x, double[] y)
    {
        if (x.Length < 3) return null;
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var cov = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var vx = rx.Sum(a => (a - mx) * (a - mx));
        var vy = ry.Sum(b => (b - my) * (b - my));
        return vx > 0 && vy > 0 ? Round3((decimal)(cov / Math.Sqrt(vx * vy))) : null;
    }

    /// <summary>Ascending ranks from 1, ties sharing the average of the ranks they span.</summary>
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static decimal StandardDeviation(IReadOnlyCollection<decimal> values)
    {
        var mean = values.Average();
        return (decimal)Math.Sqrt((double)values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    private static decimal Round3(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
