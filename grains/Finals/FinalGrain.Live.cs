using Arena.Journal;
using Arena.Scoring;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Arena.Finals;

// The live side of the final: what screens show, and telling each subscribed node when it changes.
// Screen mode and timer are presentation, not results: kept in memory, not journaled.
public sealed partial class FinalGrain
{
    // A node re-subscribes every 10 s (web/Hubs/FinalFanout); after 45 s of silence it is taken for dead and dropped.
    private ObserverManager<IFinalObserver>? _observers;
    private ObserverManager<IFinalObserver> Observers => _observers ??= new(TimeSpan.FromSeconds(45), logger);
    private string _mode = ScreenModes.Stage;
    private TimerView _timer = TimerView.Idle;
    private Stage? _revealTarget;

    public Task Subscribe(IFinalObserver observer, long knownVersion)
    {
        Observers.Subscribe(observer, observer);
        if (State.Definition is not null && _version > knownVersion)
            observer.Updated(new LiveUpdate(_version, UpdateKinds.Standings, BuildScreen(), null, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFinalObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<ScreenState> Screen() => Task.FromResult(BuildScreen());

    public Task<long> SetMode(string mode, Caller caller)
    {
        _ = Definition;
        if (!ScreenModes.All.Contains(mode))
            throw ArenaProblem.Invalid($"mode must be one of {string.Join(", ", ScreenModes.All)}.", [new FieldError("mode", "unknown mode")]);
        _mode = mode;
        return Task.FromResult(Notify(UpdateKinds.Mode));
    }

    public Task<long> Timer(string action, int? seconds, Caller caller)
    {
        _ = Definition;
        var now = clock.GetUtcNow();
        var elapsed = _timer.ElapsedMs + (_timer is { Running: true, StartedAt: { } s } ? (long)(now - s).TotalMilliseconds : 0);
        var limit = seconds ?? _timer.Seconds;
        if (limit is < 0 or > 24 * 3600) throw ArenaProblem.Invalid("seconds must be between 0 and 86400.", [new FieldError("seconds", "out of range")]);
        _timer = action switch
        {
            "start" => _timer.Running ? _timer with { Seconds = limit } : new TimerView(true, limit, _timer.ElapsedMs, now),
            "stop" => new TimerView(false, limit, elapsed, null),
            "reset" => new TimerView(false, limit, 0, null),
            _ => throw ArenaProblem.Invalid("action must be start, stop or reset.", [new FieldError("action", "unknown action")]),
        };
        return Task.FromResult(Notify(UpdateKinds.Timer));
    }

    /// <summary>Counts the change and, when some node is subscribed, builds the whole screen state once and tells them all.</summary>
    private long Notify(string kind, ReopenNotice? reopened = null)
    {
        _version++;
        if (_observers is not { Count: > 0 }) return _version; // nobody watches: no screen state to build
        var update = new LiveUpdate(_version, kind, BuildScreen(), reopened, clock.GetUtcNow());
        _observers.Notify(o => o.Updated(update));
        return _version;
    }

    /// <summary>After a sheet or a closure: "revealed" when it completed the round of that contestant.</summary>
    private string KindAfter(string contestant, string round, bool wasComplete, string otherwise)
    {
        var now = RoundOf(contestant, round);
        if (wasComplete || now is not { Complete: true }) return otherwise;
        _revealTarget = new Stage(contestant, round);
        return UpdateKinds.Revealed;
    }

    private RoundResult? RoundOf(string contestant, string round) =>
        Result().Result.Rows.FirstOrDefault(r => r.Contestant == contestant)?.Detail.FirstOrDefault(d => d.Round == round);

    // What screens may show changes only when a round completes or is reopened, or an adjustment or closure comes
    // in; most sheets change neither, so the revealed standings are kept until one of those happens.
    private (string Key, StandingsResult Result)? _revealed;

    private StandingsResult RevealedStandings()
    {
        var full = Result().Result;
        var input = Replay.Input(_contestants.Values);
        var key = string.Join(';', full.Rows.SelectMany(r => r.Detail.Where(d => d.Complete).Select(d => r.Contestant + "/" + d.Round)))
                  + "|" + input.Adjustments.Count + "|" + input.Closures.Count;
        if (_revealed is { } cached && cached.Key == key) return cached.Result;
        var result = ScoringEngine.Compute(Definition, Replay.Revealed(input, full));
        _revealed = (key, result);
        return result;
    }

    private ScreenState BuildScreen()
    {
        var d = Definition;
        var shown = RevealedStandings();
        var stage = State.Stage;
        var submitted = stage is null ? [] : _contestants.GetValueOrDefault(stage.Contestant)?.Current
            .Where(s => s.Round == stage.Round).Select(s => s.Judge).ToList() ?? [];
        var expected = stage is null ? [] : Assignments.JudgesFor(d, stage.Contestant, stage.Round).Select(j => j.Id).ToList();
        RevealView? reveal = null;
        if (_revealTarget is { } target && RoundOf(target.Contestant, target.Round) is { Complete: true } done)
            reveal = new RevealView(target.Contestant, target.Round, done.Score, done.Sheets.Select(s => new RevealedSheet(s.Judge, s.Total, s.Counted)).ToList());
        return new ScreenState(_version, d.Id, d.Title, stage, submitted, expected, reveal, _mode, _timer, State.Published,
            Replay.View(shown, _version, State.Published));
    }
}
