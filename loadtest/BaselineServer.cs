using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arena.LoadTest;

/// <summary>
/// The transport ceiling: a bare SignalR hub with Arena's URLs and message shapes and nothing behind them (no Orleans,
/// no storage, no scoring, no coalescing). A sheet bumps its final's version, is broadcast to the final's screens with
/// a screen state of Arena's size, and is acknowledged. Sign-in and final creation answer with placeholders.
/// </summary>
public static class BaselineServer
{
    public static async Task Serve(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<Finals>();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/health/live", () => "ok");
        app.MapPost("/api/auth/admin", () => Results.Json(new { token = "baseline" }));
        app.MapPost("/api/auth/code", () => Results.Json(new { token = "baseline" }));
        app.MapPost("/api/finals", async (HttpRequest r) =>
        {
            using var doc = await JsonDocument.ParseAsync(r.Body);
            return Results.Json(new { id = doc.RootElement.GetProperty("id").GetString() }, statusCode: 201);
        });
        app.MapPost("/api/finals/{id}/access", () => Results.Json(new { code = "baseline" }));
        app.MapPost("/api/finals/{id}/stage", async (string id, Finals finals, IHubContext<ScreenHub> screens, IHubContext<JudgeHub> judges) =>
        {
            var version = await finals.Change(id, "stage", screens);
            await judges.Clients.Group("judges:" + id).SendAsync("stage", new { contestant = "c1", round = "speech" });
            return Results.Json(new { version });
        });
        app.MapPost("/api/finals/{id}/screen", async (string id, Finals finals, IHubContext<ScreenHub> screens) =>
            Results.Json(new { version = await finals.Change(id, "mode", screens) }));
        app.MapPost("/api/finals/{id}/public", (string id, Finals finals) => Results.Json(new { version = finals.Current(id) }));
        // The public feed's transport alone: each change serialised once and the same line written to every viewer.
        app.MapGet("/api/finals/{id}/feed", async (string id, HttpContext http, Finals finals) =>
        {
            var viewer = System.Threading.Channels.Channel.CreateBounded<byte[]>(new System.Threading.Channels.BoundedChannelOptions(1)
                { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest, SingleReader = true });
            var viewers = finals.Viewers.GetOrAdd(id, _ => new ConcurrentDictionary<object, System.Threading.Channels.Channel<byte[]>>());
            viewers[viewer] = viewer;
            viewer.Writer.TryWrite(Finals.Line(id, finals.Current(id)));
            http.Response.ContentType = "application/x-ndjson; charset=utf-8";
            try
            {
                await foreach (var line in viewer.Reader.ReadAllAsync(http.RequestAborted))
                {
                    await http.Response.Body.WriteAsync(line, http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (OperationCanceledException) { }
            finally { viewers.TryRemove(viewer, out _); }
        });
        app.MapPost("/api/finals/{id}/scores", async (string id, Finals finals, IHubContext<ScreenHub> screens) =>
            Results.Json(new { accepted = true, total = 88.5m, version = await finals.Change(id, "submitted", screens) }));
        app.MapHub<JudgeHub>("/hubs/judge");
        app.MapHub<ScreenHub>("/hubs/screen");
        await app.RunAsync();
    }

    public sealed class Finals
    {
        private readonly ConcurrentDictionary<string, long[]> _versions = new();

        public ConcurrentDictionary<string, ConcurrentDictionary<object, System.Threading.Channels.Channel<byte[]>>> Viewers { get; } = new();

        public static byte[] Line(string id, long version) =>
            [.. JsonSerializer.SerializeToUtf8Bytes(new { id = $"{version}", type = "screen", op = "update", seq = version, data = FakeState.For(id, version) }), (byte)'\n'];

        public long Current(string id) => Volatile.Read(ref _versions.GetOrAdd(id, _ => new long[1])[0]);

        public async Task<long> Change(string id, string kind, IHubContext<ScreenHub> screens)
        {
            var version = Interlocked.Increment(ref _versions.GetOrAdd(id, _ => new long[1])[0]);
            await screens.Clients.Group("screens:" + id).SendAsync("update", new { version, kind, kinds = new[] { kind }, state = FakeState.For(id, version) });
            if (Viewers.TryGetValue(id, out var viewers) && !viewers.IsEmpty)
            {
                var line = Line(id, version);
                foreach (var viewer in viewers.Values) viewer.Writer.TryWrite(line);
            }
            return version;
        }
    }

    public sealed class JudgeHub(Finals finals, IHubContext<ScreenHub> screens) : Hub
    {
        public override async Task OnConnectedAsync() =>
            await Groups.AddToGroupAsync(Context.ConnectionId, "judges:" + Context.GetHttpContext()!.Request.Query["final"]);

        public async Task<object> Submit(JsonElement sheet) =>
            new { accepted = true, total = 88.5m, version = await finals.Change(Context.GetHttpContext()!.Request.Query["final"]!, "submitted", screens) };
    }

    public sealed class ScreenHub(Finals finals) : Hub
    {
        public async Task<object> Join(string finalId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, "screens:" + finalId);
            return FakeState.For(finalId, finals.Current(finalId));
        }
    }
}
