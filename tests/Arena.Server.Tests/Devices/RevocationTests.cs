using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Arena.Server.Tests.Devices.Devices;

namespace Arena.Server.Tests.Devices;

/// <summary>A lost or photographed tablet: the admin revokes its code, and everything it holds stops at once.</summary>
public sealed class RevocationTests(ServerFixture server)
{
    private Uri Url => server.Silo.BaseAddress;

    [Fact]
    public async Task a_revoked_judges_open_hub_connection_is_closed_within_a_second_and_its_next_call_is_401()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2));
        var code = await Issue(server.Admin, final.Id, "judge", "j2");
        using var tablet = await SignIn(Url, final.Id, code.Code, "tablet-2");
        await using var hub = await LiveClient.Connect(Url, "hubs/judge", tablet.Token!, "stage");
        var closed = Closed(hub);
        var ack = await hub.Invoke("Submit", new { submissionId = "s1", contestant = "c1", round = "main", score = 70 });
        Assert.True(ack.GetProperty("accepted").GetBoolean());

        var elapsed = await RevokeAndWaitForClose(server.Admin, final.Id, code.Id, closed);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"closed {elapsed.TotalMilliseconds:0} ms after the DELETE answered");
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);

        var score = await tablet.Post($"api/finals/{final.Id}/scores", new { submissionId = "s2", contestant = "c2", round = "main", score = 71 });
        Assert.Equal(HttpStatusCode.Unauthorized, score.Status);
        Assert.Equal("Access revoked", score.Json!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.Get($"api/finals/{final.Id}/info")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.Get($"api/finals/{final.Id}/sheets")).Status);
        // The code itself signs nothing in any more, not even on the device that held it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Redeem(Url, final.Id, code.Code, "tablet-2")).Status);

        // Reconnecting with the revoked token is closed by the server at once.
        await using var again = await LiveClient.Connect(Url, "hubs/judge", tablet.Token!);
        await Closed(again).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        // The other judges go on.
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j3", "c2", 80)).Status);
    }

    [Fact]
    public async Task reissuing_a_judges_code_makes_the_old_token_401_and_the_new_one_works()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var old = await Issue(server.Admin, final.Id, "judge", "j3");
        using var lost = await SignIn(Url, final.Id, old.Code, "lost-tablet");
        var replacement = await Issue(server.Admin, final.Id, "judge", "j3");

        var refused = await lost.Post($"api/finals/{final.Id}/scores", new { submissionId = "x", contestant = "c1", round = "main", score = 60 });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Redeem(Url, final.Id, old.Code, "lost-tablet")).Status);
        using var fresh = await SignIn(Url, final.Id, replacement.Code, "new-tablet");
        Assert.Equal(HttpStatusCode.OK, (await fresh.Post($"api/finals/{final.Id}/scores", new { submissionId = "y", contestant = "c1", round = "main", score = 61 })).Status);

        var listed = await Listed(server.Admin, final.Id, old.Id);
        Assert.Equal("revoked", listed["state"]!.GetValue<string>());
        Assert.Equal("reissued", listed["reason"]!.GetValue<string>());
        Assert.Null(listed["code"]); // a revoked code's secret is forgotten
        var journal = (await server.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var revokedEvent = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "AccessRevoked" && e["data"]!["codeId"]!.GetValue<string>() == old.Id);
        Assert.Equal("reissued", revokedEvent!["data"]!["reason"]!.GetValue<string>());
        Assert.Equal("j3", revokedEvent["data"]!["subject"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("screen")]
    [InlineData("operator")]
    [InlineData("auditor")]
    public async Task a_revoked_screen_operator_or_auditor_code_is_refused_and_its_screen_connection_closed(string role)
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var code = await Issue(server.Admin, final.Id, role, role + "-1");
        using var device = await SignIn(Url, final.Id, code.Code, "device-" + role);
        await using var hub = await LiveClient.Connect(Url, "hubs/screen", device.Token!, "update");
        await hub.Invoke("Join", final.Id);
        var closed = Closed(hub);
        Assert.Equal(HttpStatusCode.OK, (await device.Get($"api/finals/{final.Id}/info")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.Delete($"api/finals/{final.Id}/access/{code.Id}", new { reason = "设备更换" })).Status);
        await closed.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await device.Get($"api/finals/{final.Id}/info")).Status);
        var read = role switch
        {
            "screen" => $"api/finals/{final.Id}/standings",
            "operator" => null,
            _ => $"api/finals/{final.Id}/journal",
        };
        if (read is not null) Assert.Equal(HttpStatusCode.Unauthorized, (await device.Get(read)).Status);
        if (role == "operator")
            Assert.Equal(HttpStatusCode.Unauthorized, (await device.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" })).Status);
        if (role == "auditor")
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await device.Get($"api/finals/{final.Id}/verify")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await device.Get($"api/finals/{final.Id}/export.csv")).Status);
        }
        await using var rejoin = await LiveClient.Connect(Url, "hubs/screen", device.Token!, "update");
        var joined = await Assert.ThrowsAnyAsync<Exception>(() => rejoin.Invoke("Join", final.Id));
        Assert.Equal(401, LiveClient.StatusOf(joined));
    }

    [Fact]
    public async Task revoking_is_journaled_with_actor_and_reason_and_the_journal_still_verifies()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        var code = await Issue(server.Admin, final.Id, "screen", "hall");
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j1", "c1", 70)).Status);

        var noReason = await server.Admin.Delete($"api/finals/{final.Id}/access/{code.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Delete($"api/finals/{final.Id}/access/{code.Id}?reason=x")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.Delete($"api/finals/{final.Id}/access/nosuchid?reason=x")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.Delete($"api/finals/{final.Id}/access/{code.Id}?reason=" + Uri.EscapeDataString("大屏被拍照"))).Status);
        // A retried DELETE changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.Delete($"api/finals/{final.Id}/access/{code.Id}?reason=again")).Status);

        var journal = (await server.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var issued = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "AccessIssued" && e["data"]!["codeId"]!.GetValue<string>() == code.Id);
        Assert.Equal("admin:admin", issued!["actor"]!.GetValue<string>());
        var revoked = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "AccessRevoked");
        Assert.Equal("admin:admin", revoked!["actor"]!.GetValue<string>());
        Assert.Equal("大屏被拍照", revoked["data"]!["reason"]!.GetValue<string>());
        Assert.Equal("screen", revoked["data"]!["role"]!.GetValue<string>());
        Assert.Equal("hall", revoked["data"]!["subject"]!.GetValue<string>());
        Assert.DoesNotContain(code.Code, journal.ToJsonString()); // no secret in the journal
        var verify = (await server.Admin.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
    }
}
