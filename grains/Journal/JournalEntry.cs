namespace Arena.Journal;

/// <summary>
/// One event of a grain's stream as it is stored: the payload as canonical JSON, who did it, when, and the link of
/// the hash chain. <see cref="Hash"/> covers the previous entry's hash and every other field, so changing any stored
/// byte of an entry (or dropping or reordering one) breaks the chain from there on.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.journal-entry")]
public sealed record JournalEntry(
    [property: Id(0)] string Stream,
    [property: Id(1)] int Index,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Type,
    [property: Id(5)] string Data,
    [property: Id(6)] string Hash,
    [property: Id(7)] string Signature = "",
    // The final-wide sequence number the final grain gave the event (0 in journals written before it had one).
    [property: Id(8)] long Seq = 0);

/// <summary>An entry of a final's merged journal, numbered final-wide.</summary>
[GenerateSerializer, Immutable, Alias("arena.journal-record")]
public sealed record JournalRecord(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Stream,
    [property: Id(3)] string Type,
    [property: Id(4)] string Actor,
    [property: Id(5)] string Data,
    [property: Id(6)] string Hash,
    [property: Id(7)] int Index = 0,
    [property: Id(8)] string Signature = "");
