using Arena.Votes;

namespace Arena.Finals;

// The audience vote: the model decides who may open and close a window; the ballots go to the window's ballot boxes
// (IBallotBoxGrain), and only their exact count comes back here, when the window closes.
public sealed partial class FinalGrain
{
    private IGrainTimer? _tally;
    private int _tallied = -1;

    public async Task<long> OpenVoting(string? contestant, string? round, Caller caller)
    {
        await Handle(new OpenVoting(contestant, round), caller);
        StartTally();
        return _model.OpenVote!.Window;
    }

    public async Task<VoteView> CloseVoting(Caller caller)
    {
        var window = _model.ClosingWindow(caller);
        var counts = await Task.WhenAll(Enumerable.Range(0, Voters.Boxes).Select(box => Box(window.Window, box).Close()));
        await Handle(new CountVotes(window.Window, counts.Sum(c => c.Ballots), counts.Sum(c => c.Sum),
            [.. counts.Where(c => c.Head is not null).Select(c => c.Head!)]), caller);
        StopTally();
        return _model.VoteState()!;
    }

    public Task<VoteWindowInfo?> VoteWindow(long window) => Task.FromResult(_model.WindowInfo(window));

    public Task<(VoteView? Vote, Scoring.FinalDefinition Definition)> Ballot() => Task.FromResult((_model.VoteState(), _model.RequireDefinition()));

    public async Task<int> IssueTickets(int count, Caller caller)
    {
        var from = _model.Tickets + 1;
        await Handle(new IssueTickets(count), caller);
        return from;
    }

    public Task<TicketSheet> TicketCodes(int from, int count, Caller caller)
    {
        _model.RequireDefinition();
        _model.Admit(caller);
        if (caller.Role != "admin") throw ArenaProblem.Forbidden("Only the admin can print ticket codes.");
        var last = Math.Min(_model.Tickets, (long)from + Math.Clamp(count, 0, 10_000) - 1);
        var codes = new List<TicketCode>();
        for (var n = Math.Max(from, 1); n <= last; n++) codes.Add(new TicketCode(n, Tickets.Code(signer, _model.FinalId, n)));
        return Task.FromResult(new TicketSheet(_model.Tickets, codes));
    }

    private IBallotBoxGrain Box(long window, int box) => grains.GetGrain<IBallotBoxGrain>(BallotStreams.Key(_model.FinalId, window, box));

    // The live count on the screens: the boxes' counts summed once a second while a window is open (a read of each
    // box, interleaved with its ballots), told to the nodes only when it moved. An activation that finds a window open
    // (the final moved or restarted) starts it again.
    private void StartTally()
    {
        if (_tally is not null || _model.OpenVote is null) return;
        _tallied = -1;
        _tally = this.RegisterGrainTimer(Tally, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)) { Interleave = true });
    }

    private void StopTally()
    {
        _tally?.Dispose();
        _tally = null;
    }

    private async Task Tally(CancellationToken cancellation)
    {
        if (_model.OpenVote is not { } open) { StopTally(); return; }
        var counts = await Task.WhenAll(Enumerable.Range(0, Voters.Boxes).Select(box => Box(open.Window, box).Count()));
        var ballots = counts.Sum();
        if (ballots == _tallied || _model.OpenVote?.Window != open.Window) return;
        _tallied = ballots;
        Tell(new LiveUpdate(_model.Seq, UpdateKinds.Vote, null, null, clock.GetUtcNow(), Tally: new VoteTally(open.Window, ballots)));
    }

    private void Tell(LiveUpdate update)
    {
        if (_observers is { Count: > 0 } observers) observers.Notify(o => o.Updated(update));
    }
}
