namespace Arena.Journal;

/// <summary>
/// The journaled grains' side of Orleans' custom-storage consistency provider (ICustomStorageInterface): the state
/// is the fold of the stream's stored rows, and new events are appended as rows, never re-writing the old ones.
/// </summary>
public static class JournalStreams
{
    // Stream names: StreamHeads.Final and StreamHeads.Of(contestant).

    /// <summary>
    /// Folds every stored entry of the stream into a fresh state; the version is the number of entries. No hash check
    /// here: a tampered stream must still load, so that verify can say where it was changed.
    /// </summary>
    public static async Task<KeyValuePair<int, TState>> ReadAsync<TState>(IJournalStore store, string finalId, string stream, Action<TState, JournalEntry> apply)
        where TState : new()
    {
        var entries = await store.ReadStreamAsync(finalId, stream);
        var state = new TState();
        foreach (var entry in entries) apply(state, entry);
        return new(entries.Count, state);
    }

    /// <summary>
    /// Appends the confirmed batch. False, Orleans' "someone else wrote first", when the entries do not continue the
    /// version this activation read or the store has one of their indexes already; Orleans then re-reads the stream.
    /// </summary>
    public static Task<bool> AppendAsync(IJournalStore store, string finalId, IReadOnlyList<JournalEntry> updates, int expectedVersion) =>
        updates.Count > 0 && updates[0].Index != expectedVersion
            ? Task.FromResult(false)
            : store.AppendAsync(finalId, updates);
}
