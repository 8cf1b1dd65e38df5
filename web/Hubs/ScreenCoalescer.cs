using Arena.Finals;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>What one coalesced push carries to a final's screens: the newest whole state and every kind merged into it.</summary>
public sealed record ScreenPush(long Version, string Kind, string[] Kinds, ScreenState State, DateTimeOffset ChangedAt);

/// <summary>
/// One final's coalescer on this node: the first change after a quiet spell goes out at once, later ones at most once
/// per window, always the newest whole state (its <c>kinds</c> name every change merged into it). Versions sent only
/// ever rise, so a screen never steps back. An update that comes without its state (the grain no longer builds one
/// per change) is sent with the state fetched once, when it is flushed: a burst of changes costs one fetch.
/// </summary>
public sealed class ScreenCoalescer : IDisposable
{
    private readonly string _finalId;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Func<Task<ScreenState>> _screen;
    private readonly Func<ScreenPush, Task> _send;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1); // one flush at a time, so that versions go out in order
    private readonly SortedSet<string> _kinds = [];
    private LiveUpdate? _pending;
    private bool _scheduled;
    private DateTimeOffset _lastFlush = DateTimeOffset.MinValue;
    private long _sentVersion;

    public ScreenCoalescer(string finalId, TimeSpan window, TimeProvider clock, Func<Task<ScreenState>> screen, Func<ScreenPush, Task> send, ILogger logger)
    {
        (_finalId, _window, _clock, _screen, _send, _logger) = (finalId, window, clock, screen, send, logger);
        _timer = clock.CreateTimer(_ => _ = Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The newest version sent to the screens so far.</summary>
    public long SentVersion => Interlocked.Read(ref _sentVersion);

    public void Offer(LiveUpdate update)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_pending is null || update.Version > _pending.Version) _pending = update;
            _kinds.Add(update.Kind);
            if (_scheduled) return;
            _scheduled = true;
            wait = _lastFlush + _window - _clock.GetUtcNow();
        }
        if (wait <= TimeSpan.Zero) _ = Flush();
        else _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private async Task Flush()
    {
        await _sending.WaitAsync();
        try
        {
            LiveUpdate? update;
            string[] kinds;
            lock (_gate)
            {
                (update, _pending, _scheduled, _lastFlush) = (_pending, null, false, _clock.GetUtcNow());
                kinds = [.. _kinds];
                _kinds.Clear();
            }
            if (update is null || update.Version <= _sentVersion) return;
            var (version, state) = (update.Version, update.State);
            if (state is null)
            {
                state = await FetchOrRetry(update, kinds);
                if (state is null) return;
                version = Math.Max(version, state.Version);
                if (version <= _sentVersion) return;
            }
            Interlocked.Exchange(ref _sentVersion, version);
            await _send(new ScreenPush(version, update.Kind, kinds, state, update.At));
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Pushing an update of final {Final} to this node's screens failed", _finalId);
        }
        finally { _sending.Release(); }
    }

    // A final that cannot be read this instant (its grain is moving) is tried again after a pause rather than
    // leaving its screens on an old state until the next change (which, if it comes first, takes the retry's place).
    private async Task<ScreenState?> FetchOrRetry(LiveUpdate update, string[] kinds)
    {
        try { return await _screen(); }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not read the screen state of final {Final} for version {Version}; trying again in {Pause}", _finalId, update.Version, RetryPause);
            lock (_gate)
            {
                if (_pending is null || update.Version > _pending.Version) _pending = update;
                _kinds.UnionWith(kinds);
                if (_scheduled) return null;
                _scheduled = true;
            }
            _timer.Change(RetryPause, Timeout.InfiniteTimeSpan);
            return null;
        }
    }

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public void Dispose() => _timer.Dispose();
}
