using Arena.Scoring;

namespace Arena.Finals;

/// <summary>
/// Who is asking: the role of their token and its subject (a judge id, a screen's label, …), and the id of the access
/// code that signed the token in (none for the admin, or a token issued before codes had ids): a revoked code's
/// tokens are refused by the final's model.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.caller")]
public sealed record Caller([property: Id(0)] string Role, [property: Id(1)] string Subject, [property: Id(2)] string? CodeId = null)
{
    public string Actor => Subject.Length == 0 ? Role : Role + ":" + Subject;

    /// <summary>The chief judge is the judge the definition marks <c>chief</c>; it is not a role of its own.</summary>
    public bool IsChiefOf(FinalDefinition definition) => Role == "judge" && definition.Judges.Any(j => j.Id == Subject && j.Chief);
}

[GenerateSerializer, Immutable, Alias("arena.submit-sheet")]
public sealed record SubmitSheet(
    [property: Id(0)] string SubmissionId,
    [property: Id(1)] string Contestant,
    [property: Id(2)] string Round,
    [property: Id(3)] IReadOnlyDictionary<string, decimal>? Criteria,
    [property: Id(4)] decimal? Score);

/// <summary>The acknowledgement a judge gets: the sheet is durably stored; <see cref="Version"/> is the final's live version that includes it.</summary>
[GenerateSerializer, Immutable, Alias("arena.sheet-ack")]
public sealed record SheetAck([property: Id(0)] bool Accepted, [property: Id(1)] decimal Total, [property: Id(2)] long Version);

[GenerateSerializer, Immutable, Alias("arena.stage")]
public sealed record Stage([property: Id(0)] string Contestant, [property: Id(1)] string Round);

[GenerateSerializer, Immutable, Alias("arena.final-summary")]
public sealed record FinalSummary([property: Id(0)] string Id, [property: Id(1)] string Title, [property: Id(2)] string State);

[GenerateSerializer, Immutable, Alias("arena.final-view")]
public sealed record FinalView(
    [property: Id(0)] string Id,
    [property: Id(1)] string State,
    [property: Id(2)] FinalDefinition Definition,
    [property: Id(3)] Stage? Stage,
    [property: Id(4)] bool Published,
    [property: Id(5)] long Version,
    // Contestants out of the final (弃权 / 缺席): the judges' tablets show them so.
    [property: Id(6)] IReadOnlyList<WithdrawalView>? Withdrawn = null,
    // Two-person sign-off: whether the final requires it, what waits for a supervisor, and what they answered.
    [property: Id(7)] SignOffView? SignOff = null,
    // The public live view (/live/{id}) is open.
    [property: Id(8)] bool Public = false);

/// <summary>A final's sign-off (<see cref="FinalModel.SignOffView"/>).</summary>
[GenerateSerializer, Immutable, Alias("arena.sign-off-view")]
public sealed record SignOffView(
    [property: Id(0)] bool Required,
    [property: Id(1)] IReadOnlyList<SignOffItem> Pending,
    [property: Id(2)] IReadOnlyList<SignOffAnswer> Answered);

/// <summary>What the chief judge asked: an <c>adjustment</c> (contestant, round or null for the total, points, reason)
/// or the <c>publication</c> (of the results whose contestant-stream heads give <see cref="Digest"/>).</summary>
[GenerateSerializer, Immutable, Alias("arena.sign-off-item")]
public sealed record SignOffItem(
    [property: Id(0)] string Proposal,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Contestant,
    [property: Id(3)] string? Round,
    [property: Id(4)] decimal? Points,
    [property: Id(5)] string Reason,
    [property: Id(6)] string ProposedBy,
    [property: Id(7)] DateTimeOffset ProposedAt,
    [property: Id(8)] string? Digest,
    [property: Id(9)] long? DefinitionVersion);

/// <summary>A supervisor's answer to <see cref="Item"/>: confirmed or refused, with their reason, who and when.</summary>
[GenerateSerializer, Immutable, Alias("arena.sign-off-answer")]
public sealed record SignOffAnswer(
    [property: Id(0)] SignOffItem Item,
    [property: Id(1)] bool Confirmed,
    [property: Id(2)] string Reason,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("arena.standings-row")]
/// <summary>A row of the standings; a withdrawn contestant has no <see cref="Rank"/> (null) and <see cref="Withdrawn"/>
/// says why (<c>withdrawn</c> 弃权 or <c>absent</c> 缺席); those rows come after every ranked one.</summary>
public sealed record StandingsRowView(
    [property: Id(0)] int? Rank,
    [property: Id(1)] string Contestant,
    [property: Id(2)] string Name,
    [property: Id(3)] decimal Total,
    [property: Id(4)] IReadOnlyDictionary<string, decimal?> Rounds,
    [property: Id(5)] bool Complete,
    [property: Id(6)] string? Award,
    [property: Id(7)] string? Withdrawn = null);

[GenerateSerializer, Immutable, Alias("arena.standings")]
public sealed record StandingsView(
    [property: Id(0)] long Version,
    [property: Id(1)] bool Published,
    [property: Id(2)] IReadOnlyList<StandingsRowView> Rows);

[GenerateSerializer, Immutable, Alias("arena.verify-report")]
public sealed record VerifyReport(
    [property: Id(0)] bool Ok,
    [property: Id(1)] int Events,
    [property: Id(2)] IReadOnlyList<string> Problems,
    // One SHA-256 over the heads of every stream as stored now.
    [property: Id(3)] string? Digest = null,
    // The digest of the heads recorded at publication (printed on the result); verification checks that every stored
    // stream still reaches those heads.
    [property: Id(4)] string? PublishedDigest = null,
    // Which journal key the signatures were checked against (a fingerprint, not the key).
    [property: Id(5)] string? KeyId = null);

/// <summary>One judge's sheet as the chief judge, the review page and the export see it.</summary>
[GenerateSerializer, Immutable, Alias("arena.sheet-view")]
public sealed record SheetView(
    [property: Id(0)] string Contestant,
    [property: Id(1)] string Round,
    [property: Id(2)] string Judge,
    [property: Id(3)] string State,
    [property: Id(4)] decimal? Total,
    [property: Id(5)] IReadOnlyDictionary<string, decimal>? Criteria,
    [property: Id(6)] bool? Counted,
    [property: Id(7)] string? ReopenReason);

/// <summary>
/// The answer to an amendment: <see cref="Changed"/> false when the definition was the same (nothing stored);
/// otherwise the changes and the full standings before and after (for a dry run: as they would be).
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.amend-result")]
public sealed record AmendResult(
    [property: Id(0)] bool Changed,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<DefinitionChange> Changes,
    [property: Id(3)] StandingsView? Before,
    [property: Id(4)] StandingsView? After,
    [property: Id(5)] bool Stored);
