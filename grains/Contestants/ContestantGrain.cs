using Arena.Journal;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Arena.Contestants;

[LogConsistencyProvider(ProviderName = ArenaProviders.Journal)]
public sealed class ContestantGrain(TimeProvider clock, IJournalStore journal)
    : JournaledGrain<ContestantState, JournalEntry>, IContestantGrain, ICustomStorageInterface<ContestantState, JournalEntry>
{
    private string FinalId => this.GetPrimaryKeyString().Split('/', 2)[0];
    private string StreamName => JournalStreams.Contestant(this.GetPrimaryKeyString().Split('/', 2)[1]);

    public Task<ContestantRecord> Get() => Task.FromResult(Record());

    public async Task<ContestantRecord> Submit(string actor, SheetSubmitted sheet)
    {
        if (State.BySubmission.TryGetValue(sheet.SubmissionId, out var earlier))
        {
            if (earlier.Judge != sheet.Judge || earlier.Round != sheet.Round)
                throw ArenaProblem.Conflict($"Submission id {sheet.SubmissionId} was already used for another sheet.");
            return Record();
        }
        if (State.Current.ContainsKey(ContestantState.Slot(sheet.Round, sheet.Judge)))
            throw ArenaProblem.Conflict($"Judge {sheet.Judge} has already submitted a sheet for this contestant in round {sheet.Round}; the chief judge must reopen it first.");
        return await Append(actor, sheet);
    }

    public async Task<ContestantRecord> Reopen(string actor, SheetReopened reopen)
    {
        if (!State.Current.ContainsKey(ContestantState.Slot(reopen.Round, reopen.Judge)))
            throw ArenaProblem.Conflict($"Judge {reopen.Judge} has no submitted sheet in round {reopen.Round} to reopen.");
        return await Append(actor, reopen);
    }

    public Task<ContestantRecord> Adjust(string actor, AdjustmentApplied adjustment) => Append(actor, adjustment);

    public async Task<ContestantRecord> Close(string actor, RoundClosed closure)
    {
        if (State.Closures.Any(c => c.Round == closure.Round))
            throw ArenaProblem.Conflict($"Round {closure.Round} is already closed for this contestant.");
        return await Append(actor, closure);
    }

    public Task<IReadOnlyList<JournalEntry>> Entries() => Task.FromResult<IReadOnlyList<JournalEntry>>(State.Entries.ToList());

    private async Task<ContestantRecord> Append(string actor, object @event)
    {
        RaiseEvent(HashChain.Append(State.Entries, StreamName, clock.GetUtcNow(), actor, @event));
        await ConfirmEvents();
        return Record();
    }

    private ContestantRecord Record() => State.ToRecord(this.GetPrimaryKeyString().Split('/', 2)[1]);

    protected override void TransitionState(ContestantState state, JournalEntry @event) => state.Apply(@event);

    public Task<KeyValuePair<int, ContestantState>> ReadStateFromStorage() =>
        JournalStreams.ReadAsync<ContestantState>(journal, FinalId, StreamName, (state, entry) => state.Apply(entry));

    public Task<bool> ApplyUpdatesToStorage(IReadOnlyList<JournalEntry> updates, int expectedVersion) =>
        JournalStreams.AppendAsync(journal, FinalId, updates, expectedVersion);
}
