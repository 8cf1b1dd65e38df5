using Arena.Finals;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's observer of one final: the grain tells it once per change; it closes the connections of revoked access
/// codes and tells the final's judges here at once, and hands the change to the screens' <see cref="ScreenCoalescer"/>.
/// </summary>
public sealed class FinalObserver : IFinalObserver, IDisposable
{
    private readonly string _finalId;
    private readonly FinalGrains _finals;
    private readonly LivePush _push;
    private readonly DeviceConnections _devices;
    private readonly ScreenCoalescer _coalescer;
    private long _seenVersion;
    private TaskCompletionSource? _changed; // made only when a feed waits: the score path allocates nothing for it

    public FinalObserver(string finalId, FinalGrains finals, LivePush push, DeviceConnections devices, TimeSpan window, TimeProvider clock, ILogger logger)
    {
        (_finalId, _finals, _push, _devices) = (finalId, finals, push, devices);
        _coalescer = new ScreenCoalescer(finalId, window, clock, Screen, p => push.Screens(finalId, p), logger);
    }

    /// <summary>The reference the grain holds (created before the grain has accepted it, so that the renewal retries a failed first try).</summary>
    public IFinalObserver? Reference { get; set; }

    /// <summary>Not yet accepted by the grain: the screen joining now takes its snapshot itself, nothing to catch up.</summary>
    public bool Fresh { get; set; } = true;

    /// <summary>The newest version the grain has told this node (a moved grain sends newer state on renewal).</summary>
    public long SeenVersion => Interlocked.Read(ref _seenVersion);

    public void Saw(long version)
    {
        long seen;
        while (version > (seen = Interlocked.Read(ref _seenVersion)) && Interlocked.CompareExchange(ref _seenVersion, version, seen) != seen) { }
    }

    /// <summary>Completes at the next change of the final told to this node (the event feed waits on it instead of polling).</summary>
    public Task Changed
    {
        get
        {
            var waiting = Volatile.Read(ref _changed);
            if (waiting is not null) return waiting.Task;
            var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (Interlocked.CompareExchange(ref _changed, fresh, null) ?? fresh).Task;
        }
    }

    public Task Updated(LiveUpdate update)
    {
        // The live count of an open vote: not a change of the final (the version stays), straight to the screens.
        if (update.Tally is { } tally)
        {
            _ = _push.Votes(_finalId, tally);
            return Task.CompletedTask;
        }
        Saw(update.Version);
        Interlocked.Exchange(ref _changed, null)?.TrySetResult();
        if (update.Revoked is { Count: > 0 } revoked) _devices.Close(_finalId, revoked);
        _ = _push.Judges(_finalId, update, update.Stage ?? update.State?.Stage);
        _coalescer.Offer(update);
        return Task.CompletedTask;
    }

    private Task<ScreenState> Screen() => _finals[_finalId].Screen();

    public void Dispose() => _coalescer.Dispose();
}
