namespace Arena.Scoring;

/// <summary>Turns the sheets of one round (or one panel of it) into one exact score, and says which sheets it dropped.</summary>
internal static class Aggregation
{
    public sealed record Outcome(Exact? Score, IReadOnlySet<string> Dropped);

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <param name="untrimmed">Treat a trimmed mean as the plain mean of every sheet (the <c>untrimmed</c> tie-breaker).</param>
    public static Outcome Apply(AggregationRule rule, IReadOnlyList<(string Judge, decimal Total)> sheets, bool untrimmed)
    {
        if (sheets.Count == 0) return new(null, None);
        // Ties are broken by judge id so that which of two equal sheets is "the" dropped one never depends on arrival order.
        var sorted = sheets.OrderBy(s => s.Total).ThenBy(s => s.Judge, StringComparer.Ordinal).ToList();
        return rule.Method switch
        {
            AggregationMethods.Mean => new(Mean(sorted), None),
            AggregationMethods.TrimmedMean when untrimmed => new(Mean(sorted), None),
            AggregationMethods.TrimmedMean => Trimmed(sorted, rule.DropHighest, rule.DropLowest),
            AggregationMethods.Median => new(Median(sorted), None),
            AggregationMethods.Sum => new(Exact.Of(sorted.Sum(s => s.Total)), None),
            _ => throw new ArgumentException($"Unknown aggregation method '{rule.Method}'.", nameof(rule)),
        };
    }

    private static Exact Mean(IReadOnlyCollection<(string Judge, decimal Total)> sheets) =>
        new(sheets.Sum(s => s.Total), sheets.Count);

    // Until more sheets arrive than are to be dropped there is no score, and nothing is marked dropped yet.
    private static Outcome Trimmed(List<(string Judge, decimal Total)> sorted, int high, int low)
    {
        if (sorted.Count <= high + low) return new(null, None);
        var kept = sorted.GetRange(low, sorted.Count - low - high);
        var dropped = sorted.Take(low).Concat(sorted.TakeLast(high)).Select(s => s.Judge).ToHashSet(StringComparer.Ordinal);
        return new(Mean(kept), dropped);
    }

    private static Exact Median(List<(string Judge, decimal Total)> sorted)
    {
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1
            ? Exact.Of(sorted[middle].Total)
            : new(sorted[middle - 1].Total + sorted[middle].Total, 2);
    }
}
