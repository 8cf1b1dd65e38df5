using System.Net.WebSockets;

namespace Arena.LoadTest;

/// <summary>
/// What tablets and screens share: the run's nodes, and the reconnect of a device whose connection dropped. With
/// several nodes (<see cref="Options.Failover"/>) a device knows them all and connects to the next one, then the next,
/// until one takes it, pausing as <see cref="Backoff"/> says between attempts; then the concrete client picks up
/// (a screen joins again, a tablet sends its unanswered sheet again).
/// </summary>
public abstract class DeviceClient(Options o, IReadOnlyList<Http> nodes, Metrics metrics, Scheduler scheduler, IHubListener listener)
{
    /// <summary>An attempt not answered in this time is taken for lost in a failover and made again.</summary>
    protected static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private long _reconnects;
    private volatile bool _stopped;

    protected Options O => o;
    protected IReadOnlyList<Http> Nodes => nodes;
    protected Metrics Metrics => metrics;
    protected Scheduler Scheduler => scheduler;
    protected bool Stopped => _stopped;

    /// <summary>Connections opened again after a drop.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>No more reconnects or retries: the run is over.</summary>
    public void Stop() => _stopped = true;

    /// <summary>The device has a fresh connection: carry on where the dropped one left off.</summary>
    protected abstract void Reconnected(Device d, HubSocket socket);

    protected void StartReconnect(Device d)
    {
        if (Interlocked.CompareExchange(ref d.Reconnecting, 1, 0) == 0) _ = Reconnect(d);
    }

    private async Task Reconnect(Device d)
    {
        var backoff = new Backoff();
        while (!_stopped)
        {
            var node = d.Node = (d.Node + 1) % nodes.Count;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var socket = await HubSocket.Connect(nodes[node].BaseUrl, d.Hub, d.Token, d.Query, listener, d, timeout.Token);
                Interlocked.Increment(ref _reconnects);
                lock (d) d.Socket = socket;
                Volatile.Write(ref d.Reconnecting, 0);
                if (!socket.IsOpen) { StartReconnect(d); return; } // dropped before it was ours: its Closed saw another socket
                Reconnected(d, socket);
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
            {
                metrics.Error("reconnect-failed");
            }
            await Task.Delay(backoff.Next());
        }
        Volatile.Write(ref d.Reconnecting, 0);
    }

    /// <summary>"HubException: 409: …" → "409".</summary>
    public static string StatusOf(string error)
    {
        var at = error.IndexOf("HubException: ", StringComparison.Ordinal);
        var text = at < 0 ? error : error[(at + 14)..];
        var colon = text.IndexOf(':');
        return colon is > 0 and <= 3 && int.TryParse(text[..colon], out _) ? text[..colon] : "error";
    }
}
