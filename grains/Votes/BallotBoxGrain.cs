using Arena.Finals;
using Arena.Journal;
using Arena.Scoring;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Arena.Votes;

/// <summary>A box's stream folded: who voted and with what, the count, and whether it closed.</summary>
[GenerateSerializer]
public sealed class BallotBoxState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];
    [Id(1)] public Dictionary<string, int> Voted { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public long Sum { get; set; }
    [Id(3)] public bool Closed { get; set; }

    public void Apply(JournalEntry entry)
    {
        Entries.Add(entry);
        switch (EventJson.Deserialize(entry.Type, entry.Data))
        {
            case BallotCast b when Voted.TryAdd(b.Voter, b.Value): Sum += b.Value; break;
            case BallotBoxClosed: Closed = true; break;
        }
    }
}

[LogConsistencyProvider(ProviderName = ArenaProviders.Journal)]
public sealed class BallotBoxGrain(TimeProvider clock, IJournalStore journal, JournalSigner signer, IGrainFactory grains)
    : JournaledGrain<BallotBoxState, JournalEntry>, IBallotBoxGrain, ICustomStorageInterface<BallotBoxState, JournalEntry>
{
    private string[] Key => field ??= this.GetPrimaryKeyString().Split('/');
    private string FinalId => Key[0];
    private long Window => long.Parse(Key[1]);
    private int Box => int.Parse(Key[2]);
    private string StreamName => BallotStreams.Of(Window, Box);

    // The final's word on the window, asked once per activation (and again for a ticket newer than it knew): the
    // burst of ballots then costs the final grain nothing.
    private VoteWindowInfo? _window;
    // Closed with no ballot: nothing to store (the final knows the window closed, and says so to a later activation).
    private bool _closedEmpty;

    public async Task<BallotAck> Cast(Ballot ballot)
    {
        var window = _window ??= await AskFinal();
        if (State.Closed || _closedEmpty || !window.Open) throw ArenaProblem.Conflict("This vote is closed: ballots are no longer taken.");
        var method = window.Window.Method;
        if (ballot.Value < VoteMethods.Bottom(method) || ballot.Value > VoteMethods.Top(method))
            throw ArenaProblem.Invalid(method == VoteMethods.Share ? "value must be 1 (支持, for) or 0 (不支持, against)." : "value must be a whole rating from 1 to 10.",
                [new FieldError("value", "out of range")]);
        var voter = await VoterOf(ballot, window);
        if (Voters.BoxOf(voter) != Box) throw ArenaProblem.Invalid("This ballot belongs in another box.");
        if (State.Voted.TryGetValue(voter, out var earlier))
            return earlier == ballot.Value ? new BallotAck(Window, true)
                : throw ArenaProblem.Conflict(window.Window.Voters == VoterKinds.Tickets ? "This ticket has voted in this vote already." : "This device has voted in this vote already.");
        await Store(new BallotCast(voter, ballot.Value));
        return new BallotAck(Window, false);
    }

    public Task<int> Count() => Task.FromResult(State.Voted.Count);

    public async Task<BoxCount> Close()
    {
        if (!State.Closed && State.Voted.Count > 0) await Store(new BallotBoxClosed(State.Voted.Count, State.Sum));
        _closedEmpty = State.Voted.Count == 0;
        var last = State.Entries.LastOrDefault();
        return new BoxCount(State.Voted.Count, State.Sum, last is null ? null : new StreamHead(StreamName, State.Entries.Count, last.Hash));
    }

    private async Task<string> VoterOf(Ballot ballot, VoteWindowInfo window)
    {
        if (window.Window.Voters == VoterKinds.Devices)
        {
            if (string.IsNullOrWhiteSpace(ballot.Device) || ballot.Device.Length is < 8 or > 100)
                throw ArenaProblem.Invalid("device is required: the page's own random id (8–100 characters).", [new FieldError("device", "required")]);
            return Voters.OfDevice(ballot.Device.Trim());
        }
        if (Tickets.Check(signer, FinalId, ballot.Ticket) is not { } number)
            throw ArenaProblem.Forbidden("This ticket code is not one of this final's: check it on the printed ticket.");
        if (number > window.Tickets && number > (_window = await AskFinal()).Tickets)
            throw ArenaProblem.Forbidden("This ticket code is not one of this final's: check it on the printed ticket.");
        return Voters.OfTicket(number);
    }

    private async Task<VoteWindowInfo> AskFinal() =>
        await grains.GetGrain<IFinalGrain>(FinalId).VoteWindow(Window) ?? throw ArenaProblem.NotFound($"Final {FinalId} has no vote {Window}.");

    private async Task Store(object @event)
    {
        var entries = HashChain.Continue(State.Entries.LastOrDefault(), StreamName, 0, clock.GetUtcNow(), "audience", [@event], signer);
        if (await RaiseConditionalEvents(entries)) return;
        DeactivateOnIdle(); // as ContestantGrain: another writer got there first; the next call reads the stream again
        throw ArenaProblem.StreamMoved(StreamName);
    }

    protected override void TransitionState(BallotBoxState state, JournalEntry @event) => state.Apply(@event);

    public Task<KeyValuePair<int, BallotBoxState>> ReadStateFromStorage() =>
        JournalStreams.ReadAsync<BallotBoxState>(journal, BallotStreams.Journal(FinalId), StreamName, (state, entry) => state.Apply(entry));

    public Task<bool> ApplyUpdatesToStorage(IReadOnlyList<JournalEntry> updates, int expectedVersion) =>
        JournalStreams.AppendAsync(journal, BallotStreams.Journal(FinalId), updates, expectedVersion);
}
