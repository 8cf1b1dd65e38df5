using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;
using static Arena.Server.Tests.Devices.Devices;

namespace Arena.Server.Tests.Devices;

/// <summary>A code signs in one device: a second device is refused until the admin releases the code.</summary>
public sealed class SingleDeviceTests(ServerFixture server)
{
    private Uri Url => server.Silo.BaseAddress;

    [Fact]
    public async Task a_second_device_is_refused_the_same_device_is_let_in_again_and_a_release_lets_another_in()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var code = await Issue(server.Admin, final.Id, "judge", "j2");
        var fresh = await Listed(server.Admin, final.Id, code.Id);
        Assert.Equal("issued", fresh["state"]!.GetValue<string>());
        Assert.Null(fresh["redeemedAt"]);
        Assert.Equal(code.Code, fresh["code"]!.GetValue<string>());

        using var first = await SignIn(Url, final.Id, code.Code, "tablet-a");
        var redeemed = await Listed(server.Admin, final.Id, code.Id);
        Assert.Equal("redeemed", redeemed["state"]!.GetValue<string>());
        Assert.NotNull(redeemed["redeemedAt"]);
        Assert.True(redeemed["issuedAt"]!.GetValue<DateTimeOffset>() <= redeemed["redeemedAt"]!.GetValue<DateTimeOffset>());

        var second = await Redeem(Url, final.Id, code.Code, "tablet-b");
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("another device", second.Json!["detail"]!.GetValue<string>());
        // The same tablet signs in again (its token ran out, the page was reloaded).
        Assert.Equal(HttpStatusCode.OK, (await Redeem(Url, final.Id, code.Code, "tablet-a")).Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await server.Admin.Post($"api/finals/{final.Id}/access/{code.Id}/release", new { })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.Post($"api/finals/{final.Id}/access/{code.Id}/release", new { reason = "平板没电，换备用机" })).Status);
        Assert.Equal("issued", (await Listed(server.Admin, final.Id, code.Id))["state"]!.GetValue<string>());
        using var replacement = await SignIn(Url, final.Id, code.Code, "tablet-b");
        Assert.Equal(HttpStatusCode.OK, (await replacement.Post($"api/finals/{final.Id}/scores", new { submissionId = "r1", contestant = "c1", round = "main", score = 75 })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Redeem(Url, final.Id, code.Code, "tablet-a")).Status);

        var journal = (await server.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var released = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "AccessReleased");
        Assert.Equal("平板没电，换备用机", released!["data"]!["reason"]!.GetValue<string>());
        Assert.Equal("admin:admin", released["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_code_not_signed_in_or_revoked_cannot_be_released()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var code = await Issue(server.Admin, final.Id, "operator", "desk");
        Assert.Equal(HttpStatusCode.Conflict, (await server.Admin.Post($"api/finals/{final.Id}/access/{code.Id}/release?reason=x", null)).Status);
        await SignIn(Url, final.Id, code.Code, "laptop");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.Delete($"api/finals/{final.Id}/access/{code.Id}?reason=lost")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await server.Admin.Post($"api/finals/{final.Id}/access/{code.Id}/release?reason=x", null)).Status);
    }

    [Fact]
    public async Task only_the_admin_lists_the_codes()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Get($"api/finals/{final.Id}/access")).Status);
        var listed = (await server.Admin.Get($"api/finals/{final.Id}/access")).Json!.AsArray();
        Assert.Equal(3, listed.Count(c => c!["role"]!.GetValue<string>() == "judge"));
        Assert.All(listed, c => Assert.Matches("^[a-z2-9]{8}$", c!["id"]!.GetValue<string>()));
    }
}
