namespace Arena.Scoring;

/// <summary>The computed standings of a final, ordered by rank (then by contestant order for equal ranks).</summary>
public sealed record StandingsResult(IReadOnlyList<StandingRow> Rows);

/// <summary>One contestant's line. <see cref="Total"/> and <see cref="Rounds"/> are rounded (what people see). A
/// withdrawn contestant (<see cref="Withdrawn"/>: their <see cref="WithdrawalKinds"/>) comes after every ranked one,
/// with rank 0 (none), no award, and the scores of a round nobody has scored: their sheets do not count.</summary>
public sealed record StandingRow(
    int Rank,
    string Contestant,
    string Name,
    decimal Total,
    IReadOnlyDictionary<string, decimal?> Rounds,
    bool Complete,
    string? Award,
    IReadOnlyList<RoundResult> Detail,
    string? Withdrawn = null);

/// <summary>How one round's score of one contestant came about, enough for the big screen to explain it.</summary>
public sealed record RoundResult(
    string Round,
    // Rounded round score after round adjustments; null while no score can be computed (no or too few sheets).
    decimal? Score,
    // The exact aggregate before adjustments and rounding.
    decimal? Exact,
    decimal Adjustment,
    bool Complete,
    bool Closed,
    IReadOnlyList<SheetOutcome> Sheets,
    IReadOnlyList<PanelOutcome> Panels);

/// <summary>A sheet and whether the aggregation counted it or dropped it (trimmed).</summary>
public sealed record SheetOutcome(string Judge, string? Panel, decimal Total, bool Counted);

public sealed record PanelOutcome(string Panel, decimal Weight, decimal? Exact);
