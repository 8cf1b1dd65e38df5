namespace Arena.Contestants;

// A contestant's stream: their sheets and what the chief judge did about them.

[GenerateSerializer, Immutable, Alias("arena.sheet-submitted")]
public sealed record SheetSubmitted(
    [property: Id(0)] string SubmissionId,
    [property: Id(1)] string Judge,
    [property: Id(2)] string Round,
    [property: Id(3)] decimal Total,
    [property: Id(4)] IReadOnlyDictionary<string, decimal>? Criteria,
    [property: Id(5)] decimal? Score);

/// <summary>The judge's sheet is withdrawn (no longer counts) until the judge submits a corrected one.</summary>
[GenerateSerializer, Immutable, Alias("arena.sheet-reopened")]
public sealed record SheetReopened([property: Id(0)] string Judge, [property: Id(1)] string Round, [property: Id(2)] string Reason);

/// <summary>A penalty or bonus in effect. In a final with sign-off it is the supervisor's confirmation of the chief's
/// <see cref="AdjustmentProposed"/> <see cref="Proposal"/> (actor: the supervisor, <see cref="Note"/>: their reason).</summary>
[GenerateSerializer, Immutable, Alias("arena.adjustment-applied")]
public sealed record AdjustmentApplied([property: Id(0)] string? Round, [property: Id(1)] decimal Points, [property: Id(2)] string Reason,
    [property: Id(3)] string? Proposal = null, [property: Id(4)] string? Note = null);

/// <summary>A final with sign-off: the chief judge's penalty or bonus, waiting for a supervisor's confirmation
/// (<see cref="AdjustmentApplied"/> naming it) or refusal (<see cref="AdjustmentRefused"/>); it counts for nothing until then.</summary>
[GenerateSerializer, Immutable, Alias("arena.adjustment-proposed")]
public sealed record AdjustmentProposed([property: Id(0)] string Proposal, [property: Id(1)] string? Round, [property: Id(2)] decimal Points, [property: Id(3)] string Reason);

/// <summary>A supervisor refused the chief judge's proposed adjustment, with a reason: it never counts.</summary>
[GenerateSerializer, Immutable, Alias("arena.adjustment-refused")]
public sealed record AdjustmentRefused([property: Id(0)] string Proposal, [property: Id(1)] string Reason);

[GenerateSerializer, Immutable, Alias("arena.round-closed")]
public sealed record RoundClosed([property: Id(0)] string Round, [property: Id(1)] string Reason);

/// <summary>The contestant left the final: <see cref="Kind"/> <c>withdrawn</c> (弃权) or <c>absent</c> (缺席). Out of the
/// ranking and the awards; their sheets stay in the stream and no longer count.</summary>
[GenerateSerializer, Immutable, Alias("arena.contestant-withdrawn")]
public sealed record ContestantWithdrawn([property: Id(0)] string Kind, [property: Id(1)] string Reason);

/// <summary>A withdrawal taken back (before publication): the contestant and their sheets count again.</summary>
[GenerateSerializer, Immutable, Alias("arena.withdrawal-undone")]
public sealed record WithdrawalUndone([property: Id(0)] string Reason);

/// <summary>
/// The audience's voting window for this contestant's round closed: the exact count of every ballot box of window
/// <see cref="Window"/> (the sequence number of its VotingOpened): <see cref="Ballots"/> ballots whose values sum to
/// <see cref="Sum"/>; <see cref="Boxes"/> the head of each box's stream that had ballots, so verify can recount them
/// and see a box cut short or rewritten. It scores the round's audience panel.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.votes-counted")]
public sealed record VotesCounted([property: Id(0)] string Round, [property: Id(1)] long Window, [property: Id(2)] int Ballots,
    [property: Id(3)] long Sum, [property: Id(4)] IReadOnlyList<Journal.StreamHead> Boxes);
