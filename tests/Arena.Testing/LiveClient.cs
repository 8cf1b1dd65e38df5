using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Arena.Testing;

/// <summary>A real SignalR client of a hub, as a big screen or a tablet connects, recording what the server pushes.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<(string Method, JsonElement Payload)> _received = Channel.CreateUnbounded<(string, JsonElement)>();

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<LiveClient> Connect(Uri baseAddress, string hub, string token, params string[] methods)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new LiveClient(connection);
        foreach (var method in methods)
            connection.On<JsonElement>(method, payload => client._received.Writer.TryWrite((method, payload)));
        await connection.StartAsync();
        return client;
    }

    /// <summary>Calls a hub method and returns its answer (a HubException carries the server's "409: …" message).</summary>
    public Task<JsonElement> Invoke(string method, object argument) => Connection.InvokeAsync<JsonElement>(method, argument);

    /// <summary>
    /// The HTTP status a hub error carries. The server throws <c>HubException("409: …")</c>; SignalR hands it to clients
    /// as "An unexpected error occurred invoking 'X' on the server. HubException: 409: …".
    /// </summary>
    public static int StatusOf(Exception error)
    {
        var at = error.Message.IndexOf("HubException: ", StringComparison.Ordinal);
        var text = at < 0 ? error.Message : error.Message[(at + "HubException: ".Length)..];
        return int.TryParse(text.Split(':')[0], out var status) ? status : throw new Xunit.Sdk.XunitException($"no status in hub error: {error.Message}");
    }

    /// <summary>The next push of <paramref name="method"/> that satisfies <paramref name="match"/>, skipping others.</summary>
    public async Task<JsonElement> Next(string method, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var (m, payload) = await _received.Reader.ReadAsync(cts.Token);
            if (m == method && (match is null || match(payload))) return payload;
        }
    }

    /// <summary>Everything pushed so far that nobody has read yet.</summary>
    public List<(string Method, JsonElement Payload)> Drain()
    {
        var all = new List<(string, JsonElement)>();
        while (_received.Reader.TryRead(out var item)) all.Add(item);
        return all;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
