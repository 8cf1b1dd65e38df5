using Arena.Scoring;

namespace Arena.Finals;

// The final's own stream ("final"). Events are past tense; who and when live on the journal entry.

[GenerateSerializer, Immutable, Alias("arena.final-created")]
public sealed record FinalCreated([property: Id(0)] FinalDefinition Definition);

/// <summary>The admin replaced the definition (<see cref="Changes"/>: what differs from the one before, classified); the
/// standings are recomputed under it from the sheets, adjustments and closures already given.</summary>
[GenerateSerializer, Immutable, Alias("arena.definition-amended")]
public sealed record DefinitionAmended(
    [property: Id(0)] FinalDefinition Definition,
    [property: Id(1)] string Reason,
    [property: Id(2)] IReadOnlyList<DefinitionChange> Changes);

[GenerateSerializer, Immutable, Alias("arena.contestant-called")]
public sealed record ContestantCalled([property: Id(0)] string Contestant, [property: Id(1)] string Round);

/// <summary>The results became final. <see cref="Digest"/> covers the heads of every stream as they were then
/// (<see cref="Journal.StreamHeads"/>): printed on the result, it lets anyone check the journal later.</summary>
[GenerateSerializer, Immutable, Alias("arena.results-published")]
public sealed record ResultsPublished([property: Id(0)] string Reason = "", [property: Id(1)] string? Digest = null,
    [property: Id(2)] IReadOnlyList<Journal.StreamHead>? Heads = null);

/// <summary>A final with sign-off: the chief judge asks to publish the results whose stream heads give <see cref="Digest"/>;
/// a supervisor confirms (<see cref="PublicationConfirmed"/>, then <see cref="ResultsPublished"/>) or refuses.</summary>
[GenerateSerializer, Immutable, Alias("arena.publication-proposed")]
public sealed record PublicationProposed([property: Id(0)] string Proposal, [property: Id(1)] string Digest);

/// <summary>A supervisor confirmed the proposed publication (their reason); <see cref="ResultsPublished"/> follows in the same write.</summary>
[GenerateSerializer, Immutable, Alias("arena.publication-confirmed")]
public sealed record PublicationConfirmed([property: Id(0)] string Proposal, [property: Id(1)] string Reason);

/// <summary>A supervisor refused the proposed publication, with a reason: the results stay unpublished.</summary>
[GenerateSerializer, Immutable, Alias("arena.publication-refused")]
public sealed record PublicationRefused([property: Id(0)] string Proposal, [property: Id(1)] string Reason);

/// <summary>What the big screens show: stage, reveal, ranking or podium (the operator's choice).</summary>
[GenerateSerializer, Immutable, Alias("arena.screen-mode-changed")]
public sealed record ScreenModeChanged([property: Id(0)] string Mode);

/// <summary>The organiser opened (or closed) the final's public live view, <c>/live/{id}</c>: anyone may then watch what the
/// big screen shows, without signing in.</summary>
[GenerateSerializer, Immutable, Alias("arena.public-view-changed")]
public sealed record PublicViewChanged([property: Id(0)] bool Public, [property: Id(1)] string Reason = "");

/// <summary>The speaking timer was started, stopped or reset (<see cref="Seconds"/>: the limit); it runs from the entry's time.</summary>
[GenerateSerializer, Immutable, Alias("arena.timer-changed")]
public sealed record TimerChanged([property: Id(0)] string Action, [property: Id(1)] int Seconds);

/// <summary>
/// The length and last hash of every contestant stream, recorded in the final's own stream when a round completes:
/// a contestant's stream deleted, cut short or rolled back in the database no longer reaches the head recorded here.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.streams-sealed")]
public sealed record StreamsSealed([property: Id(0)] IReadOnlyList<Journal.StreamHead> Heads);

// Devices: what the admin did with an access code. No secrets here (the journal is readable by auditors): a code is
// named by its id, which its tokens carry. The secrets and the device a code signed in stay in the access grain.

/// <summary>An access code was issued for a role and subject (a judge id, a screen's label, …).</summary>
[GenerateSerializer, Immutable, Alias("arena.access-issued")]
public sealed record AccessIssued([property: Id(0)] string CodeId, [property: Id(1)] string Role, [property: Id(2)] string Subject);

/// <summary>An access code was revoked: from this event on, every token it signed is refused (401) and its live connections are closed.</summary>
[GenerateSerializer, Immutable, Alias("arena.access-revoked")]
public sealed record AccessRevoked([property: Id(0)] string CodeId, [property: Id(1)] string Role, [property: Id(2)] string Subject, [property: Id(3)] string Reason);

/// <summary>An access code was released from the device that redeemed it: the next device to sign in with it is let in.</summary>
[GenerateSerializer, Immutable, Alias("arena.access-released")]
public sealed record AccessReleased([property: Id(0)] string CodeId, [property: Id(1)] string Role, [property: Id(2)] string Subject, [property: Id(3)] string Reason);
/// <summary>
/// A draw was prepared: <see cref="Commitment"/> (SHA-256 of the seed, <see cref="Scoring.Draw"/>) is public from now
/// on; the seed itself is here only sealed (AES-GCM under a key derived from the journal key, <see cref="DrawSeal"/>),
/// so an auditor reading the journal cannot learn it before the reveal, yet it survives a restart or a node move.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.draw-committed")]
public sealed record DrawCommitted([property: Id(0)] string Commitment, [property: Id(1)] string SealedSeed);

/// <summary>The draw: the seed in clear and the running order it gives (contestants not withdrawn at the time).</summary>
[GenerateSerializer, Immutable, Alias("arena.draw-revealed")]
public sealed record DrawRevealed([property: Id(0)] string Commitment, [property: Id(1)] string Seed, [property: Id(2)] IReadOnlyList<string> Order);

/// <summary>The ceremony: the next award tier (from the lowest) is shown on the podium.</summary>
[GenerateSerializer, Immutable, Alias("arena.award-tier-revealed")]
public sealed record AwardTierRevealed([property: Id(0)] string Title);

/// <summary>The screens' ranking is frozen as it was after journal event <see cref="AtSeq"/>, until released.</summary>
[GenerateSerializer, Immutable, Alias("arena.ranking-held")]
public sealed record RankingHeld([property: Id(0)] long AtSeq);

[GenerateSerializer, Immutable, Alias("arena.ranking-released")]
public sealed record RankingReleased;

// The audience vote (大众评审). The hall's ballots are not events of the final: a burst of 1,000 a second would queue on
// one grain. They go to ballot boxes (Votes.IBallotBoxGrain, journal "{final}#ballots", one stream per box) and only
// the opening of a window, the tickets and the exact count when it closes (VotesCounted, in the contestant's stream) are.

/// <summary>The operator opened the voting window of the audience panel for a contestant and round; the window's id is
/// this event's journal sequence number (it names the ballot boxes).</summary>
[GenerateSerializer, Immutable, Alias("arena.voting-opened")]
public sealed record VotingOpened([property: Id(0)] string Contestant, [property: Id(1)] string Round);

/// <summary>The admin issued one-time ticket codes numbered <see cref="From"/> to From + Count − 1. The codes are not
/// stored: each is its number and a MAC under a key derived from the journal key, so a code can be checked (and
/// printed again) without a table of secrets.</summary>
[GenerateSerializer, Immutable, Alias("arena.tickets-issued")]
public sealed record TicketsIssued([property: Id(0)] int From, [property: Id(1)] int Count);
