using System.Net;
using Arena.Server.Tests.Api;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Live;

/// <summary>An amendment reaches the devices: tablets are told <c>definition</c>, screens get a newer definition version.</summary>
public sealed class AmendmentPushTests(ServerFixture server)
{
    [Fact]
    public async Task tablets_are_told_to_read_the_definition_again_and_screens_see_its_version_move()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2);
        var final = await server.Create(builder);
        await using var tablet = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/judge", final.Judges["j2"].Token!, "definition");
        using var screenCode = await server.Admin.SignIn(final.Id, "screen", "大屏1");
        await using var screen = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/screen", screenCode.Token!, "update");
        var joined = await screen.Invoke("Join", final.Id);
        var shown = joined.GetProperty("definitionVersion").GetInt64();

        var amended = await AmendmentTests.Amend(final.Admin, builder.With(d => d["title"] = "总决赛（更正）"));
        Assert.Equal(HttpStatusCode.OK, amended.Status);

        var told = await tablet.Next("definition");
        Assert.Equal(amended.Json!["version"]!.GetValue<long>(), told.GetProperty("version").GetInt64());
        var update = await screen.Next("update", u => u.GetProperty("kinds").EnumerateArray().Any(k => k.GetString() == "definition"));
        Assert.True(update.GetProperty("state").GetProperty("definitionVersion").GetInt64() > shown);
        Assert.Equal("总决赛（更正）", update.GetProperty("state").GetProperty("title").GetString());
    }
}
