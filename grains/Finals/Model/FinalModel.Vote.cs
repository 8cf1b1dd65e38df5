using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

/// <summary>An audience voting window as the final knows it: its id (the journal sequence number of its opening), whose
/// round it scores, and the rules of the round's audience panel.</summary>
[GenerateSerializer, Immutable, Alias("arena.voting-window")]
public sealed record VotingWindow(
    [property: Id(0)] long Window,
    [property: Id(1)] string Contestant,
    [property: Id(2)] string Round,
    [property: Id(3)] string Panel,
    [property: Id(4)] string Method,
    [property: Id(5)] string Voters);

/// <summary>What a ballot box asks the final about its window: whether it still takes ballots, and how many tickets exist.</summary>
[GenerateSerializer, Immutable, Alias("arena.vote-window-info")]
public sealed record VoteWindowInfo([property: Id(0)] VotingWindow Window, [property: Id(1)] bool Open, [property: Id(2)] int Tickets);

public sealed record OpenVoting(string? Contestant, string? Round) : FinalCommand;
/// <summary>The grain closed every ballot box of the window and summed them: the exact count to record.</summary>
public sealed record CountVotes(long Window, int Ballots, long Sum, IReadOnlyList<StreamHead> Boxes) : FinalCommand;
public sealed record IssueTickets(int Count) : FinalCommand;

// The audience vote: who may open and close a window and when, the tickets, and the fold of the three events.
public sealed partial class FinalModel
{
    /// <summary>At most this many ticket codes per final: a hall, not a television audience.</summary>
    public const int MaxTickets = 100_000;

    private readonly Dictionary<long, VotingWindow> _windows = [];

    /// <summary>The window open now (at most one per final: the hall votes for the contestant on stage).</summary>
    public VotingWindow? OpenVote { get; private set; }
    /// <summary>The last window closed, and its count.</summary>
    public (VotingWindow Window, VotesCounted Count)? LastVote { get; private set; }
    /// <summary>Ticket codes issued so far: numbers 1 to this.</summary>
    public int Tickets { get; private set; }

    /// <summary>A window of this final, and whether it still takes ballots; null for an id that is no window.</summary>
    public VoteWindowInfo? WindowInfo(long window) =>
        _windows.TryGetValue(window, out var w) ? new VoteWindowInfo(w, OpenVote?.Window == window, Tickets) : null;

    private Decision Open(OpenVoting c, Caller caller)
    {
        var d = ShowRunner(caller);
        var contestant = string.IsNullOrWhiteSpace(c.Contestant) ? Stage?.Contestant : c.Contestant.Trim();
        var roundId = string.IsNullOrWhiteSpace(c.Round) ? Stage?.Round : c.Round.Trim();
        if (contestant is null || roundId is null)
            throw ArenaProblem.Conflict("Nobody is on stage: call the contestant first, or name the contestant and round whose vote opens.");
        FinalChecks.Contestant(d, contestant);
        var round = FinalChecks.Round(d, roundId);
        FinalChecks.NotPublished(Published);
        NotWithdrawn(contestant, "the audience cannot vote for them");
        if (AudienceOf(round) is null)
            throw ArenaProblem.Conflict($"Round {round.Id} has no audience panel (a panel of kind \"audience\"), so there is nothing to vote on.");
        if (OpenVote is { } open)
            throw ArenaProblem.Conflict($"The vote for contestant {open.Contestant} in round {open.Round} is still open; close it first.");
        if (Contestant(contestant)?.Votes.ContainsKey(round.Id) == true)
            throw ArenaProblem.Conflict($"The audience has voted for contestant {contestant} in round {round.Id} already; that count is final.");
        if (VoterKinds.Of(AudienceOf(round)!) == VoterKinds.Tickets && Tickets == 0)
            throw ArenaProblem.Conflict("This vote takes ticket codes, and none have been issued: issue and print them first (POST /api/finals/{id}/tickets).");
        return Decision.Of(StreamHeads.Final, new VotingOpened(contestant, round.Id));
    }

    /// <summary>May <paramref name="caller"/> close the open window? Asked before the grain closes the ballot boxes.</summary>
    public VotingWindow ClosingWindow(Caller caller)
    {
        Admit(caller);
        ShowRunner(caller);
        return OpenVote ?? throw ArenaProblem.Conflict("No vote is open.");
    }

    private Decision Count(CountVotes c, Caller caller)
    {
        var window = ClosingWindow(caller);
        if (window.Window != c.Window) throw ArenaProblem.Conflict($"Window {c.Window} is not the open one ({window.Window}).");
        return Decision.Of(StreamHeads.Of(window.Contestant), new VotesCounted(window.Round, window.Window, c.Ballots, c.Sum, c.Boxes));
    }

    private Decision Issue(IssueTickets c, Caller caller)
    {
        RequireDefinition();
        if (caller.Role != "admin") throw ArenaProblem.Forbidden("Only the admin can issue ticket codes.");
        if (c.Count is < 1 or > 10_000 || Tickets + c.Count > MaxTickets)
            throw ArenaProblem.Invalid($"count must be 1–10000, and a final has at most {MaxTickets} tickets ({Tickets} issued).", [new FieldError("count", "out of range")]);
        return Decision.Of(StreamHeads.Final, new TicketsIssued(Tickets + 1, c.Count));
    }

    private static PanelDefinition? AudienceOf(RoundDefinition round) => round.Panels?.FirstOrDefault(PanelKinds.IsAudience);

    private void ApplyVoting(object @event)
    {
        switch (@event)
        {
            case VotingOpened o:
                var panel = AudienceOf(Definition!.Rounds.First(r => r.Id == o.Round))!;
                _windows[Seq] = OpenVote = new VotingWindow(Seq, o.Contestant, o.Round, panel.Id, VoteMethods.Of(panel), VoterKinds.Of(panel));
                LastKind = UpdateKinds.Vote;
                break;
            case TicketsIssued t:
                Tickets = t.From + t.Count - 1;
                LastKind = UpdateKinds.Vote;
                break;
        }
    }

    /// <summary>The count of a closed window, from the contestant's stream: it scores the audience panel.</summary>
    private void ApplyCounted(string contestant, VotesCounted v)
    {
        if (OpenVote?.Window == v.Window) OpenVote = null;
        if (_windows.TryGetValue(v.Window, out var w)) LastVote = (w, v);
        var was = IsComplete(contestant, v.Round);
        _standings?.SetVotes(new VoteCount(contestant, v.Round, v.Ballots, v.Sum));
        LastKind = Completed(contestant, v.Round, was) ? UpdateKinds.Revealed : UpdateKinds.Vote;
    }

    /// <summary>The vote as screens show it: the open window, else the last one closed with its count and score.</summary>
    public VoteView? VoteState()
    {
        if (OpenVote is { } open) return new VoteView(open.Window, open.Contestant, open.Round, open.Panel, open.Method, open.Voters, true, null, null);
        if (LastVote is not ({ } w, { } count)) return null;
        var score = _standings is null || Definition!.Contestants.All(c => c.Id != w.Contestant) || Definition.Rounds.All(r => r.Id != w.Round) ? null
            : _standings.Round(w.Contestant, w.Round).Panels.FirstOrDefault(p => p.Panel == w.Panel)?.Exact;
        return new VoteView(w.Window, w.Contestant, w.Round, w.Panel, w.Method, w.Voters, false, count.Ballots,
            score is { } s ? Rounding.Apply(s, Definition!.Rounding) : null);
    }
}
