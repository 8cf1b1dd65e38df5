using Arena.Journal;
using Orleans.EventSourcing.CustomStorage;

namespace Arena.Finals;

// Where the final's stream lives: one row per event in the journal store, read back and folded at activation.
public sealed partial class FinalGrain : ICustomStorageInterface<FinalState, JournalEntry>
{
    public Task<KeyValuePair<int, FinalState>> ReadStateFromStorage() =>
        JournalStreams.ReadAsync<FinalState>(journal, this.GetPrimaryKeyString(), StreamHeads.Final, (state, entry) => state.Apply(entry));

    public Task<bool> ApplyUpdatesToStorage(IReadOnlyList<JournalEntry> updates, int expectedVersion) =>
        JournalStreams.AppendAsync(journal, this.GetPrimaryKeyString(), updates, expectedVersion);
}
