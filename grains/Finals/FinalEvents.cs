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

/// <summary>What the big screens show: stage, reveal, ranking or podium (the operator's choice).</summary>
[GenerateSerializer, Immutable, Alias("arena.screen-mode-changed")]
public sealed record ScreenModeChanged([property: Id(0)] string Mode);

/// <summary>The speaking timer was started, stopped or reset (<see cref="Seconds"/>: the limit); it runs from the entry's time.</summary>
[GenerateSerializer, Immutable, Alias("arena.timer-changed")]
public sealed record TimerChanged([property: Id(0)] string Action, [property: Id(1)] int Seconds);

/// <summary>
/// The length and last hash of every contestant stream, recorded in the final's own stream when a round completes:
/// a contestant's stream deleted, cut short or rolled back in the database no longer reaches the head recorded here.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.streams-sealed")]
public sealed record StreamsSealed([property: Id(0)] IReadOnlyList<Journal.StreamHead> Heads);
