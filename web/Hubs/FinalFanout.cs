using System.Collections.Concurrent;
using Arena.Finals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's side of the live push: which final each local connection watches, and one <see cref="FinalObserver"/>
/// per watched final, subscribed to the final grain wherever in the cluster it lives. The grain tells the node once
/// per change and the node pushes to its local SignalR groups; <see cref="ObserverRenewal"/> keeps the subscriptions
/// alive and drops the unwatched. A final grain that moved to another node (its node died) starts with no observers:
/// every Join subscribes again at once, and the renewal catches the rest within seconds.
/// </summary>
public sealed class FinalFanout(IGrainFactory grains, FinalGrains finals, LivePush push, DeviceConnections devices, TimeProvider clock, IConfiguration configuration, ILogger<FinalFanout> logger)
{
    private readonly TimeSpan _window = TimeSpan.FromMilliseconds(configuration.GetValue("Arena:ScreenCoalesceMs", 20));
    private readonly ConcurrentDictionary<string, string> _connections = new();
    private readonly ConcurrentDictionary<string, FinalObserver> _observers = new();
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
        var observer = await ObserverOf(finalId);
        await finals[finalId].Subscribe(observer.Reference!, observer.Fresh ? long.MaxValue : observer.SeenVersion);
        observer.Fresh = false;
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

    /// <summary>Completes at the final's next change told to this node (subscribing it first when it is not).</summary>
    public async Task<Task> NextChange(string finalId)
    {
        await EnsureSubscribed(finalId);
        return (await ObserverOf(finalId)).Changed;
    }

    /// <summary>A screen here was given the state of this version directly (its Join): no need to catch the node up to it.</summary>
    public void Saw(string finalId, long version)
    {
        if (_observers.TryGetValue(finalId, out var observer)) observer.Saw(version);
    }

    /// <summary>The finals some connection on this node watches now.</summary>
    public IReadOnlySet<string> Watched() => _connections.Values.ToHashSet();

    public IEnumerable<KeyValuePair<string, FinalObserver>> Observers => _observers;

    /// <summary>Drops the final's observer from this node (the renewal then unsubscribes it); false when it was gone.</summary>
    public bool Forget(string finalId) => _observers.TryRemove(finalId, out _);

    // The observer object exists before the grain has accepted it, so that the renewal retries a failed first try.
    private async Task<FinalObserver> ObserverOf(string finalId)
    {
        if (_observers.TryGetValue(finalId, out var known)) return known;
        await _subscribing.WaitAsync();
        try
        {
            if (_observers.TryGetValue(finalId, out known)) return known;
            var observer = new FinalObserver(finalId, finals, push, devices, _window, clock, logger);
            observer.Reference = grains.CreateObjectReference<IFinalObserver>(observer);
            return _observers[finalId] = observer;
        }
        finally { _subscribing.Release(); }
    }
}
