using Arena.Journal;

namespace Arena.Contestants;

/// <summary>
/// One contestant's stream of one final (key <c>finalId/contestantId</c>): their sheets, reopenings, adjustments and
/// closures. Ownership: the final grain decides every one of these events (it holds the whole final's model, which the
/// rules need: the stage, the gate, publication, the other judges' sheets for completeness); this grain only stores the
/// contestant's stream, hash-chained and signed. A stream per contestant keeps each append and each replay small,
/// and lets the final grain read contestants in parallel when it activates.
/// </summary>
public interface IContestantGrain : IGrainWithStringKey
{
    /// <summary>Appends events decided by the final grain, numbered from <paramref name="firstSeq"/> in the final's
    /// journal; returns the stored entries once they are durable.</summary>
    Task<IReadOnlyList<JournalEntry>> Append(string actor, long firstSeq, IReadOnlyList<object> events);

    /// <summary>The stream as stored, for replay, the journal and its verification.</summary>
    Task<IReadOnlyList<JournalEntry>> Entries();
}

public static class ContestantKey
{
    public static string Of(string final, string contestant) => final + "/" + contestant;
}
