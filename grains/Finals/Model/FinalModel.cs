using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

/// <summary>
/// A whole final as a fold of its journal, with no Orleans and no I/O: <see cref="Decide"/> holds every rule of who
/// may do what and when, <see cref="Apply(JournalEntry)"/> folds a stored event, and the projections (standings, the
/// screen, the sheets) are read off the fold. The grains only decide, append, apply and notify; replay (<c>?at=</c>)
/// and verification fold the same events through the same class.
/// </summary>
public sealed partial class FinalModel
{
    private readonly Dictionary<string, ContestantFold> _contestants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreamHead> _heads = new(StringComparer.Ordinal);
    private LiveStandings? _standings;

    public FinalModel(string finalId) => FinalId = finalId;

    public string FinalId { get; }
    public FinalDefinition? Definition { get; private set; }
    /// <summary>The sequence number of the event that set <see cref="Definition"/> (created or last amended).</summary>
    public long DefinitionVersion { get; private set; }
    public Stage? Stage { get; private set; }
    public bool Published { get; private set; }
    /// <summary>The public live view is open (<see cref="PublicViewChanged"/>).</summary>
    public bool Public { get; private set; }
    public string? PublishedDigest { get; private set; }
    public string Mode { get; private set; } = ScreenModes.Stage;
    public TimerView Timer { get; private set; } = TimerView.Idle;
    /// <summary>The contestant and round whose sheets the screen reveals (the last one completed, or called back).</summary>
    public Stage? RevealTarget { get; private set; }
    /// <summary>Events applied so far: the journal sequence number of the newest, and the version screens see.</summary>
    public long Seq { get; private set; }
    /// <summary>The kind of the last change, as screens are told (<see cref="UpdateKinds"/>).</summary>
    public string LastKind { get; private set; } = UpdateKinds.Standings;
    /// <summary>Set when the last event completed a contestant's round: the final's stream then seals the heads.</summary>
    public bool RoundJustCompleted { get; private set; }
    public ReopenNotice? LastReopened { get; private set; }

    public FinalDefinition RequireDefinition() => Definition ?? throw ArenaProblem.NotFound($"There is no final '{FinalId}'.");

    public LiveStandings Standings => _standings ?? throw ArenaProblem.NotFound($"There is no final '{FinalId}'.");

    public IReadOnlyCollection<StreamHead> Heads => _heads.Values;

    public ContestantFold? Contestant(string id) => _contestants.GetValueOrDefault(id);

    public bool HasScores => _contestants.Values.Any(c => c.BySubmission.Count > 0);

    /// <summary>Folds a stored entry (its time drives the timer; its hash moves the stream's head). The grain that just
    /// wrote it passes the event it serialised, so it is not parsed back; replay parses the stored JSON.</summary>
    public void Apply(JournalEntry entry, object? written = null)
    {
        var @event = written ?? EventJson.Deserialize(entry.Type, entry.Data);
        _heads[entry.Stream] = new StreamHead(entry.Stream, entry.Index + 1, entry.Hash);
        Seq++;
        RoundJustCompleted = false;
        LastReopened = null;
        var contestant = StreamHeads.ContestantOf(entry.Stream);
        if (contestant is not null) ApplyContestant(contestant, @event);
        else ApplyFinal(@event, entry.At);
        ApplySignOff(entry, @event, contestant);
    }

    private void ApplyFinal(object @event, DateTimeOffset at)
    {
        switch (@event)
        {
            case FinalCreated c:
                Definition = c.Definition;
                _standings = new LiveStandings(c.Definition);
                DefinitionVersion = Seq;
                LastKind = UpdateKinds.Standings;
                break;
            case DefinitionAmended a:
                ApplyAmended(a);
                break;
            case ContestantCalled s:
                Stage = new Stage(s.Contestant, s.Round);
                // A contestant called back whose round is complete shows their reveal again; otherwise it clears.
                RevealTarget = IsComplete(s.Contestant, s.Round) ? Stage : null;
                LastKind = UpdateKinds.Stage;
                break;
            case ResultsPublished p:
                (Published, PublishedDigest, LastKind) = (true, p.Digest, UpdateKinds.Published);
                break;
            case ScreenModeChanged m:
                (Mode, LastKind) = (m.Mode, UpdateKinds.Mode);
                break;
            case PublicViewChanged p:
                (Public, LastKind) = (p.Public, UpdateKinds.Public);
                break;
            case TimerChanged t:
                Timer = RunTimer(Timer, t, at);
                LastKind = UpdateKinds.Timer;
                break;
            case VotingOpened or TicketsIssued:
                ApplyVoting(@event);
                break;
            case StreamsSealed:
                break; // checked by verification; changes nothing anyone sees
            case AccessIssued or AccessRevoked or AccessReleased:
                ApplyAccess(@event);
                break;
            case DrawCommitted c:
                (PendingDraw, Mode, LastKind) = (c, ScreenModes.Draw, UpdateKinds.Draw);
                break;
            case DrawRevealed r:
                (PendingDraw, LastDraw, Mode, LastKind) = (null, (r, Seq), ScreenModes.Draw, UpdateKinds.Draw);
                ApplyDraw(r);
                DefinitionVersion = Seq; // the order numbers changed: screens and pages read the definition again
                break;
            case AwardTierRevealed t:
                _revealedTiers.Add(t.Title);
                (Mode, LastKind) = (ScreenModes.Podium, UpdateKinds.Ceremony);
                break;
            case RankingHeld h:
                ApplyHold(h);
                LastKind = UpdateKinds.Ceremony;
                break;
            case RankingReleased:
                (HeldRanking, LastKind) = (null, UpdateKinds.Ceremony);
                break;
        }
    }

    private void ApplyContestant(string contestant, object @event)
    {
        if (!_contestants.TryGetValue(contestant, out var fold)) _contestants[contestant] = fold = new ContestantFold();
        fold.Apply(@event);
        var standings = _standings;
        switch (@event)
        {
            case SheetSubmitted s:
                var was = IsComplete(contestant, s.Round);
                standings?.SetSheet(contestant, s.Round, s.Judge, s.Total, s.Criteria);
                LastKind = Completed(contestant, s.Round, was) ? UpdateKinds.Revealed : UpdateKinds.Submitted;
                break;
            case SheetReopened r:
                standings?.RemoveSheet(contestant, r.Round, r.Judge);
                LastReopened = new ReopenNotice(contestant, r.Round, r.Judge, r.Reason);
                LastKind = UpdateKinds.Standings;
                break;
            case AdjustmentApplied a:
                standings?.Adjust(contestant, a.Round, a.Points);
                LastKind = UpdateKinds.Standings;
                break;
            case RoundClosed c:
                var before = IsComplete(contestant, c.Round);
                standings?.Close(contestant, c.Round);
                LastKind = Completed(contestant, c.Round, before) ? UpdateKinds.Revealed : UpdateKinds.Standings;
                break;
            case VotesCounted v:
                ApplyCounted(contestant, v);
                break;
            case ContestantWithdrawn or WithdrawalUndone:
                standings?.Withdraw(contestant, fold.Withdrawal?.Kind);
                LastKind = UpdateKinds.Standings;
                break;
        }
    }

    /// <summary>After a sheet or a closure: the round of that contestant became complete, so it is revealed.</summary>
    private bool Completed(string contestant, string round, bool wasComplete)
    {
        if (wasComplete || !IsComplete(contestant, round)) return false;
        RevealTarget = new Stage(contestant, round);
        RoundJustCompleted = true;
        return true;
    }

    public bool IsComplete(string contestant, string round) =>
        _standings is { } s && Definition!.Contestants.Any(c => c.Id == contestant) && Definition.Rounds.Any(r => r.Id == round)
        && s.Round(contestant, round).Complete;

    private static TimerView RunTimer(TimerView timer, TimerChanged change, DateTimeOffset now)
    {
        var elapsed = timer.ElapsedMs + (timer is { Running: true, StartedAt: { } s } ? (long)(now - s).TotalMilliseconds : 0);
        return change.Action switch
        {
            TimerActions.Start => timer.Running ? timer with { Seconds = change.Seconds } : new TimerView(true, change.Seconds, timer.ElapsedMs, now),
            TimerActions.Stop => new TimerView(false, change.Seconds, elapsed, null),
            _ => new TimerView(false, change.Seconds, 0, null),
        };
    }
}

public static class TimerActions
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Reset = "reset";
    public static readonly IReadOnlyList<string> All = [Start, Stop, Reset];
}
