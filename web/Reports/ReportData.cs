using Arena.Finals;
using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>
/// Everything the printed result sheet and the judges' sheets show, read from one snapshot of the stored journal, so
/// the numbers printed are exactly the ones the printed digest covers. <see cref="Digest"/> is the digest at publication
/// when the final is published (what <c>verify FILE</c> prints as <c>published:</c>), else the current one
/// (<c>digest:</c>); <see cref="KeyId"/> is the export key's fingerprint for <c>verify --key</c>.
/// </summary>
public sealed record ReportData(
    FinalDefinition Definition,
    bool Published,
    DateTimeOffset? PublishedAt,
    DateTimeOffset PrintedAt,
    string Digest,
    string KeyId,
    int Events,
    IReadOnlyList<ContestantReport> Contestants)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The supervisor's confirmation of the publication, in a final with sign-off.</summary>
    public SignOffReport? PublicationConfirmed { get; init; }

    /// <summary>The judge-consistency figures of the same snapshot (the result sheet's annex), with the chief page's default thresholds.</summary>
    public JudgeReportView? JudgeReport { get; init; }

    public JudgeDefinition? Chief => Definition.Judges.FirstOrDefault(j => j.Chief);
}

/// <summary>One contestant's line of the result: the standings row (rank, rounded total, award) and how each round came about.</summary>
public sealed record ContestantReport(
    ContestantDefinition Contestant,
    StandingRow Row,
    IReadOnlyList<RoundReport> Rounds,
    IReadOnlyList<AdjustmentReport> Adjustments,
    // "withdrawn" 弃权 or "absent" 缺席 (StandingRow.Withdrawn): printed without rank or award. Null = in the ranking.
    string? Withdrawn = null);

/// <summary>A round of one contestant: the engine's result (score, exact aggregate, panels, counted sheets), each
/// assigned judge's sheet with its criteria, and the judges recused from this contestant.</summary>
public sealed record RoundReport(RoundDefinition Round, RoundResult Result, IReadOnlyList<JudgeSheet> Sheets, IReadOnlyList<JudgeDefinition> Recused);

/// <summary>
/// One judge's sheet: <see cref="State"/> is <c>submitted</c>, <c>reopened</c> or <c>pending</c>; <see cref="Counted"/>
/// false when the aggregation dropped it (struck through on the sheet), null while it does not count yet.
/// </summary>
public sealed record JudgeSheet(JudgeDefinition Judge, string State, decimal? Total, IReadOnlyDictionary<string, decimal>? Criteria, bool? Counted);

/// <summary>A penalty or bonus: the round it names (null: the total), points, the reason, who applied it (asked for it,
/// in a final with sign-off) and when, and the supervisor's confirmation there.</summary>
public sealed record AdjustmentReport(string? Round, decimal Points, string Reason, string Actor, DateTimeOffset At, SignOffReport? Confirmed = null);

/// <summary>A supervisor's confirmation (sign-off): who, when, their reason.</summary>
public sealed record SignOffReport(string By, DateTimeOffset At, string Reason);
