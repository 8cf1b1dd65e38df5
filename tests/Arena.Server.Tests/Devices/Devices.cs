using System.Net;
using Arena.Testing;

namespace Arena.Server.Tests.Devices;

/// <summary>The admin's side of devices, as the tests use it: issue a code, sign a device in with it, revoke, release.</summary>
internal static class Devices
{
    public sealed record Issued(string Id, string Code);

    public static async Task<Issued> Issue(ArenaClient admin, string finalId, string role, string subject)
    {
        var r = await admin.Post($"api/finals/{finalId}/access", new { role, subject });
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return new Issued(r.Json!["id"]!.GetValue<string>(), r.Json!["code"]!.GetValue<string>());
    }

    /// <summary>A device signing in with a code: <paramref name="device"/> is the id a browser keeps.</summary>
    public static async Task<Reply> Redeem(Uri server, string finalId, string code, string device)
    {
        using var anon = new ArenaClient(server);
        return await anon.Post("api/auth/code", new { finalId, code, device });
    }

    public static async Task<ArenaClient> SignIn(Uri server, string finalId, string code, string device)
    {
        var r = await Redeem(server, finalId, code, device);
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return new ArenaClient(server, r.Json!["token"]!.GetValue<string>());
    }

    public static async Task<System.Text.Json.Nodes.JsonObject> Listed(ArenaClient admin, string finalId, string codeId)
    {
        var list = await admin.Get($"api/finals/{finalId}/access");
        Assert.True(list.Status == HttpStatusCode.OK, list.ToString());
        return list.Json!.AsArray().Single(c => c!["id"]!.GetValue<string>() == codeId)!.AsObject();
    }

    /// <summary>Completes when the server closes the connection (the test's client does not reconnect).</summary>
    public static Task Closed(LiveClient client)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        return closed.Task;
    }

    /// <summary>Revokes a code (the tablet was lost) and waits for its hub connection to close: how long after the DELETE answered.</summary>
    public static async Task<TimeSpan> RevokeAndWaitForClose(ArenaClient admin, string finalId, string codeId, Task closed)
    {
        var revoked = await admin.Delete($"api/finals/{finalId}/access/{codeId}?reason=" + Uri.EscapeDataString("平板丢失"));
        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        var answered = System.Diagnostics.Stopwatch.StartNew();
        await closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        return answered.Elapsed;
    }
}
