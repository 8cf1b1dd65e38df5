using System.Collections.Concurrent;
using Arena.Finals;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's side of the live push. For each final that has screens or judges connected here, one observer is
/// subscribed to the final grain (wherever in the cluster it lives) and renewed every few seconds; the grain tells
/// the node once per change, and the node pushes to its local SignalR groups. Finals nobody here watches any more
/// are unsubscribed at the next renewal. A final grain that moved to another node (its node died) starts with no
/// observers: every Join subscribes again at once, and the renewal catches the rest within seconds.
/// </summary>
public sealed class FinalFanout(
    IGrainFactory grains,
    IHubContext<ScreenHub> screens,
    IHubContext<JudgeHub> judges,
    IConfiguration configuration,
    ArenaMetrics metrics,
    ILogger<FinalFanout> logger) : BackgroundService
{
    private readonly TimeSpan _renewal = TimeSpan.FromSeconds(configuration.GetValue("Arena:ObserverRenewalSeconds", 10));
    private readonly TimeSpan _window = TimeSpan.FromMilliseconds(configuration.GetValue("Arena:ScreenCoalesceMs", 20));
    private readonly ConcurrentDictionary<string, string> _connections = new();
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new();
    private readonly SemaphoreSlim _subscribing = new(1, 1);

    /// <summary>Remembers which final a connection watches; returns the one it watched before, if any.</summary>
    public string? Track(string connectionId, string finalId)
    {
        var previous = _connections.GetValueOrDefault(connectionId);
        _connections[connectionId] = finalId;
        return previous;
    }

    /// <summary>Forgets a connection; true when it was watching a final.</summary>
    public bool Untrack(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Subscribes this node to the final (again: the grain may have been re-activated elsewhere since).</summary>
    public async Task EnsureSubscribed(string finalId)
    {
        var subscription = await SubscriptionOf(finalId);
        await grains.GetGrain<IFinalGrain>(finalId).Subscribe(subscription.Reference!, subscription.Fresh ? long.MaxValue : subscription.SeenVersion);
        subscription.Fresh = false;
    }

    /// <summary>As <see cref="EnsureSubscribed"/>, but a final that cannot be reached now is left to the renewal.</summary>
    public async Task TrySubscribe(string finalId)
    {
        try { await EnsureSubscribed(finalId); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not subscribe to final {Final} now; the renewal tries again", finalId);
        }
    }

    // The observer object exists before the grain has accepted it, so that the renewal retries a failed first try.
    private async Task<Subscription> SubscriptionOf(string finalId)
    {
        if (_subscriptions.TryGetValue(finalId, out var known)) return known;
        await _subscribing.WaitAsync();
        try
        {
            if (_subscriptions.TryGetValue(finalId, out known)) return known;
            var subscription = new Subscription(finalId, this);
            subscription.Reference = grains.CreateObjectReference<IFinalObserver>(subscription);
            return _subscriptions[finalId] = subscription;
        }
        finally { _subscribing.Release(); }
    }

    /// <summary>A screen here was given the state of this version directly (its Join): no need to catch the node up to it.</summary>
    public void Saw(string finalId, long version)
    {
        if (_subscriptions.TryGetValue(finalId, out var subscription)) subscription.Saw(version);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var watched = _connections.Values.ToHashSet();
            foreach (var (finalId, subscription) in _subscriptions)
            {
                var final = grains.GetGrain<IFinalGrain>(finalId);
                try
                {
                    if (watched.Contains(finalId)) await final.Subscribe(subscription.Reference!, subscription.SeenVersion);
                    else if (_subscriptions.TryRemove(finalId, out _))
                    {
                        await final.Unsubscribe(subscription.Reference!);
                        grains.DeleteObjectReference<IFinalObserver>(subscription.Reference!);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not renew the live subscription of final {Final}; trying again shortly", finalId);
                }
            }
        }
    }

    /// <summary>
    /// One final's observer and coalescer: the first change after a quiet spell goes out at once, later ones at most
    /// once per window, always the latest whole state (its <c>kinds</c> name every change merged into it).
    /// Versions sent only ever rise.
    /// </summary>
    private sealed class Subscription(string finalId, FinalFanout fanout) : IFinalObserver
    {
        private readonly object _gate = new();
        private readonly SemaphoreSlim _sending = new(1, 1);
        private LiveUpdate? _pending;
        private readonly SortedSet<string> _kinds = [];
        private bool _scheduled;
        private DateTime _lastSent = DateTime.MinValue;
        private long _sentVersion;

        public IFinalObserver? Reference { get; set; }

        /// <summary>Not yet accepted by the grain: the screen joining now takes its snapshot itself, nothing to catch up.</summary>
        public bool Fresh { get; set; } = true;

        /// <summary>The newest version the grain has told this node (a moved grain sends newer state on renewal).</summary>
        public long SeenVersion => Interlocked.Read(ref _seenVersion);
        private long _seenVersion;

        public void Saw(long version)
        {
            long seen;
            while (version > (seen = Interlocked.Read(ref _seenVersion)) && Interlocked.CompareExchange(ref _seenVersion, version, seen) != seen) { }
        }

        public Task Updated(LiveUpdate update)
        {
            Saw(update.Version);
            _ = fanout.TellJudges(finalId, update);
            TimeSpan wait;
            lock (_gate)
            {
                if (_pending is null || update.Version > _pending.Version) _pending = update;
                _kinds.Add(update.Kind);
                if (_scheduled) return Task.CompletedTask;
                _scheduled = true;
                wait = _lastSent + fanout._window - DateTime.UtcNow;
            }
            _ = wait <= TimeSpan.Zero ? Flush() : Task.Delay(wait).ContinueWith(_ => Flush()).Unwrap();
            return Task.CompletedTask;
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
                    (update, _pending, _scheduled, _lastSent) = (_pending, null, false, DateTime.UtcNow);
                    kinds = [.. _kinds];
                    _kinds.Clear();
                }
                if (update is null || update.Version <= _sentVersion) return;
                _sentVersion = update.Version;
                await fanout.TellScreens(finalId, new { version = update.Version, kind = update.Kind, kinds, state = update.State }, update.At);
            }
            finally { _sending.Release(); }
        }
    }

    private async Task TellScreens(string finalId, object update, DateTimeOffset changedAt)
    {
        try
        {
            await screens.Clients.Group(ScreenHub.Group(finalId)).SendAsync("update", update);
            metrics.Pushed(changedAt);
        }
        catch (Exception e) { logger.LogError(e, "Pushing an update of final {Final} to this node's screens failed", finalId); }
    }

    private async Task TellJudges(string finalId, LiveUpdate update)
    {
        try
        {
            if (update.Kind == UpdateKinds.Stage && update.State.Stage is { } stage)
                await judges.Clients.Group(JudgeHub.FinalGroup(finalId)).SendAsync("stage", new { contestant = stage.Contestant, round = stage.Round });
            if (update.Reopened is { } r)
                await judges.Clients.Group(JudgeHub.JudgeGroup(finalId, r.Judge)).SendAsync("reopened", new { contestant = r.Contestant, round = r.Round, reason = r.Reason });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Telling the judges of final {Final} about {Kind} failed", finalId, update.Kind);
        }
    }
}
