using Arena.Finals;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's observer of one final: the grain tells it once per change; it tells the final's judges here at once
/// and hands the change to the screens' <see cref="ScreenCoalescer"/>.
/// </summary>
public sealed class FinalObserver : IFinalObserver, IDisposable
{
    private readonly string _finalId;
    private readonly IGrainFactory _grains;
    private readonly LivePush _push;
    private readonly ILogger _logger;
    private readonly ScreenCoalescer _coalescer;
    private long _seenVersion;

    public FinalObserver(string finalId, IGrainFactory grains, LivePush push, TimeSpan window, TimeProvider clock, ILogger logger)
    {
        (_finalId, _grains, _push, _logger) = (finalId, grains, push, logger);
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

    public Task Updated(LiveUpdate update)
    {
        Saw(update.Version);
        if (update.Kind == UpdateKinds.Stage && update.State is null) _ = StageWithoutState(update);
        else
        {
            _ = _push.Judges(_finalId, update, update.State?.Stage);
            _coalescer.Offer(update);
        }
        return Task.CompletedTask;
    }

    // The judges need the stage now: the state read for them is also the one the screens get, so that a stage call
    // costs one read of the screen state, not two.
    private async Task StageWithoutState(LiveUpdate update)
    {
        ScreenState? state = null;
        try { state = await Screen(); }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not read the stage of final {Final} (version {Version}) for its judges", _finalId, update.Version);
        }
        await _push.Judges(_finalId, update, state?.Stage);
        _coalescer.Offer(state is null ? update : update with { Version = Math.Max(update.Version, state.Version), State = state });
    }

    // One reference for the observer's life: Orleans 10.4.2 resolves the interface by reflection on every GetGrain.
    private IFinalGrain? _final;
    private Task<ScreenState> Screen() => (_final ??= _grains.GetGrain<IFinalGrain>(_finalId)).Screen();

    public void Dispose() => _coalescer.Dispose();
}
