using System.Buffers;
using System.Net.WebSockets;

namespace Arena.LoadTest;

/// <summary>What a hub connection hands its owner: answers to its invocations and pushed screen updates.</summary>
public interface IHubListener
{
    void Completed(HubSocket socket, long invocationId, long version, string? error, long now);
    void Updated(HubSocket socket, long version, long now);
    void Closed(HubSocket socket, string reason);
}

/// <summary>
/// A lightweight SignalR client over one WebSocket (JSON protocol, no negotiate): thousands of these fit in the
/// generator where HubConnection would spend its time in GC. Records are split on 0x1E from one growing buffer,
/// whatever the WebSocket message boundaries.
/// </summary>
public sealed class HubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly IHubListener _listener;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _filled;
    private long _nextId;
    private volatile bool _closed;

    private HubSocket(IHubListener listener, object? owner) { _listener = listener; Owner = owner; }

    /// <summary>Whatever the caller ties to this connection (a judge, a screen).</summary>
    public object? Owner { get; }
    public bool IsOpen => !_closed && _ws.State == WebSocketState.Open;
    public long BytesReceived { get; private set; }
    public long UpdatesReceived { get; private set; }

    public static async Task<HubSocket> Connect(Uri baseUrl, string hub, string? token, string? query, IHubListener listener, object? owner, CancellationToken ct)
    {
        var ws = new UriBuilder(new Uri(baseUrl, hub)) { Scheme = baseUrl.Scheme == "https" ? "wss" : "ws" };
        var q = new List<string>();
        if (token is not null) q.Add("access_token=" + Uri.EscapeDataString(token));
        if (query is not null) q.Add(query);
        ws.Query = string.Join('&', q);
        var socket = new HubSocket(listener, owner);
        socket._ws.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings (type 6) keep the connection alive
        try
        {
            await socket._ws.ConnectAsync(ws.Uri, ct);
            await socket._ws.SendAsync(HubFrames.Handshake, WebSocketMessageType.Text, true, ct);
            await socket.ReadHandshake(ct);
        }
        catch
        {
            socket._closed = true;
            socket._ws.Dispose();
            throw;
        }
        _ = Task.Run(socket.ReceiveLoop, CancellationToken.None);
        return socket;
    }

    public long NextInvocationId() => Interlocked.Increment(ref _nextId);

    /// <summary>Sends one whole record (or several); serialized per connection, as a WebSocket requires.</summary>
    public async ValueTask<bool> Send(ReadOnlyMemory<byte> records)
    {
        if (_closed) return false;
        await _sending.WaitAsync();
        try
        {
            await _ws.SendAsync(records, WebSocketMessageType.Text, true, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            Close("send: " + e.GetType().Name);
            return false;
        }
        finally { _sending.Release(); }
    }

    private async Task ReadHandshake(CancellationToken ct)
    {
        while (true)
        {
            var r = await _ws.ReceiveAsync(_buffer.AsMemory(_filled), ct);
            if (r.MessageType == WebSocketMessageType.Close) throw new IOException("the server closed the connection during the handshake");
            _filled += r.Count;
            var end = Array.IndexOf(_buffer, HubFrames.Separator, 0, _filled);
            if (end < 0) { Grow(); continue; }
            var answer = System.Text.Encoding.UTF8.GetString(_buffer, 0, end);
            if (answer.Contains("\"error\"")) throw new IOException("handshake refused: " + answer);
            Consume(end + 1);
            return;
        }
    }

    private async Task ReceiveLoop()
    {
        try
        {
            while (!_closed)
            {
                if (_filled == _buffer.Length) Grow();
                var r = await _ws.ReceiveAsync(_buffer.AsMemory(_filled), CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close) { Close("closed by the server"); return; }
                _filled += r.Count;
                BytesReceived += r.Count;
                var now = Clock.Now;
                var start = 0;
                int end;
                while ((end = Array.IndexOf(_buffer, HubFrames.Separator, start, _filled - start)) >= 0)
                {
                    Dispatch(_buffer.AsSpan(start, end - start), now);
                    start = end + 1;
                }
                Consume(start);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            Close("receive: " + e.GetType().Name);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> record, long now)
    {
        var frame = HubFrames.Parse(record);
        switch (frame.Kind)
        {
            case HubFrames.Kind.Completion: _listener.Completed(this, frame.InvocationId, frame.Version, frame.Error, now); break;
            case HubFrames.Kind.Update: UpdatesReceived++; _listener.Updated(this, frame.Version, now); break;
            case HubFrames.Kind.Close: Close("server: " + (frame.Error ?? "close")); break;
        }
    }

    private void Consume(int count)
    {
        if (count == 0) return;
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        Buffer.BlockCopy(_buffer, 0, bigger, 0, _filled);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Close(string reason)
    {
        if (_closed) return;
        _closed = true;
        _listener.Closed(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        var wasOpen = !_closed;
        _closed = true;
        if (wasOpen && _ws.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException) { }
        }
        _ws.Dispose();
    }
}
