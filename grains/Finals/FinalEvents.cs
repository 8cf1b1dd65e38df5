using Arena.Scoring;

namespace Arena.Finals;

// The final's own stream. Events are past tense; who and when live on the journal entry.

[GenerateSerializer, Immutable, Alias("arena.final-created")]
public sealed record FinalCreated([property: Id(0)] FinalDefinition Definition);

[GenerateSerializer, Immutable, Alias("arena.contestant-called")]
public sealed record ContestantCalled([property: Id(0)] string Contestant, [property: Id(1)] string Round);

[GenerateSerializer, Immutable, Alias("arena.results-published")]
public sealed record ResultsPublished([property: Id(0)] string Reason = "");
