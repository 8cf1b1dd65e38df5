using Arena.Journal;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Arena.Contestants;

[LogConsistencyProvider(ProviderName = ArenaProviders.Journal)]
public sealed class ContestantGrain(TimeProvider clock, IJournalStore journal, JournalSigner signer)
    : JournaledGrain<ContestantState, JournalEntry>, IContestantGrain, ICustomStorageInterface<ContestantState, JournalEntry>
{
    private string FinalId => this.GetPrimaryKeyString().Split('/', 2)[0];
    private string StreamName => StreamHeads.Of(this.GetPrimaryKeyString().Split('/', 2)[1]);

    public async Task<IReadOnlyList<JournalEntry>> Append(string actor, long firstSeq, IReadOnlyList<object> events)
    {
        var entries = HashChain.Continue(State.Entries.LastOrDefault(), StreamName, firstSeq, clock.GetUtcNow(), actor, events, signer);
        // Conditional: the entries' indexes and hashes continue the stream this activation read. If another writer got
        // there first, nothing is stored and the activation goes, so the next call reads the stream again — instead of
        // retrying entries that can never fit (their index is inside their hash) for ever.
        if (await RaiseConditionalEvents(entries)) return entries;
        DeactivateOnIdle();
        throw ArenaProblem.StreamMoved(StreamName);
    }

    public Task<IReadOnlyList<JournalEntry>> Entries() => Task.FromResult<IReadOnlyList<JournalEntry>>(State.Entries.ToList());

    protected override void TransitionState(ContestantState state, JournalEntry @event) => state.Apply(@event);

    public Task<KeyValuePair<int, ContestantState>> ReadStateFromStorage() =>
        JournalStreams.ReadAsync<ContestantState>(journal, FinalId, StreamName, (state, entry) => state.Apply(entry));

    public Task<bool> ApplyUpdatesToStorage(IReadOnlyList<JournalEntry> updates, int expectedVersion) =>
        JournalStreams.AppendAsync(journal, FinalId, updates, expectedVersion);
}
