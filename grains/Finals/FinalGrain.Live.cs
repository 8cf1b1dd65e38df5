using Orleans.Utilities;

namespace Arena.Finals;

// The live side of the final: telling each subscribed node when something changed. The screen state itself is a
// projection of the model, built when a node asks for it (once per flush of its coalescer), not once per event.
public sealed partial class FinalGrain
{
    // A node re-subscribes every 10 s (web/Hubs/ObserverRenewal); after 45 s of silence it is taken for dead and dropped.
    private ObserverManager<IFinalObserver>? _observers;
    private ObserverManager<IFinalObserver> Observers => _observers ??= new(TimeSpan.FromSeconds(45), logger);

    public Task Subscribe(IFinalObserver observer, long knownVersion)
    {
        Observers.Subscribe(observer, observer);
        // A node that saw less than this activation has (the grain moved, or the node was away) is caught up at once.
        if (_model.Definition is not null && _model.Seq > knownVersion)
            observer.Updated(new LiveUpdate(_model.Seq, UpdateKinds.Standings, null, null, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFinalObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<ScreenState> Screen() => Task.FromResult(_model.Screen());

    /// <summary>What anyone may watch of a public final, signed in or not; a final that is not public (or does not exist) is not found.</summary>
    public Task<PublicLive> Live() =>
        _model.Definition is { } d && _model.Public ? Task.FromResult(new PublicLive(_model.Screen(), d))
            : throw ArenaProblem.NotFound($"Final {_model.FinalId} has no public view.");

    public Task<ScreenState> Join(Caller caller)
    {
        var d = _model.RequireDefinition();
        _model.Admit(caller);
        if (caller.Role == "judge" && !caller.IsChiefOf(d)) throw ArenaProblem.Forbidden("Only the chief judge among the judges can watch the screen.");
        return Task.FromResult(_model.Screen());
    }

    /// <summary>
    /// Tells every subscribed node that the final changed; returns the version (journal sequence number). The update
    /// carries no screen state: each node reads it once per flush of its coalescer (web/Hubs/ScreenCoalescer), so a
    /// burst of sheets costs one screen state per node and window, not one per sheet.
    /// </summary>
    private long Notify(string kind, ReopenNotice? reopened, IReadOnlyList<string>? revoked = null)
    {
        if (_observers is not { Count: > 0 }) return _model.Seq;
        var update = new LiveUpdate(_model.Seq, kind, null, reopened, clock.GetUtcNow(), _model.Stage, revoked);
        _observers.Notify(o => o.Updated(update));
        return _model.Seq;
    }
}
