namespace Arena.Scoring.Tests;

/// <summary>Short ways to write sheets and inputs, and to read a result.</summary>
internal static class Scoring
{
    public static Sheet Sheet(string judge, string contestant, string round, decimal total) => new(judge, contestant, round, total);

    /// <summary>Sheets by j1, j2, … in that order.</summary>
    public static IEnumerable<Sheet> Sheets(string contestant, string round, params decimal[] totals) =>
        totals.Select((t, i) => Sheet($"j{i + 1}", contestant, round, t));

    public static ScoringInput Input(IEnumerable<Sheet> sheets, IEnumerable<Adjustment>? adjustments = null, IEnumerable<RoundClosure>? closures = null) =>
        new([.. sheets], [.. adjustments ?? []], [.. closures ?? []]);

    public static StandingsResult Compute(FinalDefinition d, IEnumerable<Sheet> sheets) => ScoringEngine.Compute(d, Input(sheets));

    public static StandingRow Row(this StandingsResult result, string contestant) => result.Rows.Single(r => r.Contestant == contestant);

    public static RoundResult Round(this StandingRow row, string round) => row.Detail.Single(r => r.Round == round);

    public static string[] Dropped(this RoundResult round) => [.. round.Sheets.Where(s => !s.Counted).Select(s => s.Judge)];
}
