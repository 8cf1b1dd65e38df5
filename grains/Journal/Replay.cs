using Arena.Finals;

namespace Arena.Journal;

/// <summary>A final's journal: the merge of its streams, numbered final-wide, and what the final was after a prefix of it.</summary>
public static class Replay
{
    /// <summary>
    /// The streams of a final in journal order: by the sequence number the final grain gave each event; journals
    /// written before events carried one (seq 0) by time, the final's own stream first on a tie, then stream and index.
    /// </summary>
    public static IReadOnlyList<JournalEntry> Order(IEnumerable<JournalEntry> entries) =>
        entries
            .OrderBy(e => e.Seq)
            .ThenBy(e => e.At)
            .ThenBy(e => e.Stream == StreamHeads.Final ? 0 : 1)
            .ThenBy(e => e.Stream, StringComparer.Ordinal)
            .ThenBy(e => e.Index)
            .ToList();

    /// <summary>Numbers entries already in journal order: the sequence number of an event is the version screens saw after it.</summary>
    public static IReadOnlyList<JournalRecord> Number(IReadOnlyList<JournalEntry> ordered) =>
        ordered.Select((e, i) => new JournalRecord(i + 1, e.At, e.Stream, e.Type, e.Actor, e.Data, e.Hash, e.Index, e.Signature)).ToList();

    /// <summary>The final after these entries (in journal order): the same fold the live grain keeps.</summary>
    public static FinalModel Fold(string finalId, IEnumerable<JournalEntry> ordered)
    {
        var model = new FinalModel(finalId);
        foreach (var entry in ordered) model.Apply(entry);
        return model;
    }
}
