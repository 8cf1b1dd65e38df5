using System.Text.Json;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Arena.Server.Tests.Live;

public sealed class ScreenHubTests(ServerFixture server)
{
    private async Task<LiveClient> Screen(TestFinal final)
    {
        using var screen = await server.Admin.SignIn(final.Id, "screen", "大屏1");
        return await LiveClient.Connect(server.Silo.BaseAddress, "hubs/screen", screen.Token!, "update");
    }

    private static long Version(JsonElement e) => e.GetProperty("version").GetInt64();

    [Fact]
    public async Task a_screen_sees_the_reveal_with_dropped_scores_only_once_the_round_is_complete()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated());
        await using var screen = await Screen(final);
        var snapshot = await screen.Invoke("Join", final.Id);
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("stage").ValueKind);

        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
        var staged = await screen.Next("update", u => u.GetProperty("kinds").EnumerateArray().Any(k => k.GetString() == "stage"));
        Assert.Equal("c1", staged.GetProperty("state").GetProperty("stage").GetProperty("contestant").GetString());
        Assert.Equal(["j1", "j2", "j3"], staged.GetProperty("state").GetProperty("expected").EnumerateArray().Select(j => j.GetString()));

        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c1", 70);
        var twoIn = await screen.Next("update", u => u.GetProperty("state").GetProperty("submitted").GetArrayLength() == 2);
        Assert.Equal(JsonValueKind.Null, twoIn.GetProperty("state").GetProperty("reveal").ValueKind);
        // Rows only: the standings version is a large number that may itself contain "90".
        Assert.DoesNotContain("90", twoIn.GetProperty("state").GetProperty("standings").GetProperty("rows").GetRawText());

        await final.Score("j3", "c1", 80);
        var revealed = await screen.Next("update", u => u.GetProperty("kinds").EnumerateArray().Any(k => k.GetString() == "revealed"));
        var reveal = revealed.GetProperty("state").GetProperty("reveal");
        Assert.Equal(80m, reveal.GetProperty("score").GetDecimal());
        var sheets = reveal.GetProperty("sheets").EnumerateArray().ToDictionary(s => s.GetProperty("judge").GetString()!, s => s.GetProperty("counted").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["j1"] = false, ["j2"] = false, ["j3"] = true }, sheets);
        var row = revealed.GetProperty("state").GetProperty("standings").GetProperty("rows")[0];
        Assert.Equal("c1", row.GetProperty("contestant").GetString());
        Assert.Equal(80m, row.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task versions_strictly_increase_and_the_last_update_of_a_burst_is_never_lost()
    {
        var final = await server.Create(new FinalBuilder(judges: 7, contestants: 1).Mean());
        await using var screen = await Screen(final);
        var snapshot = await screen.Invoke("Join", final.Id);
        var acks = await Task.WhenAll(Enumerable.Range(1, 7).Select(j => final.Score($"j{j}", "c1", 50 + j)));
        var last = acks.Max(a => a.Json!["version"]!.GetValue<long>());

        var final7 = await screen.Next("update", u => Version(u) >= last);
        Assert.Equal(54m, final7.GetProperty("state").GetProperty("standings").GetProperty("rows")[0].GetProperty("total").GetDecimal());
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var seen = new List<long> { Version(snapshot) };
        seen.AddRange(screen.Drain().Select(u => Version(u.Payload)));
        seen.Add(Version(final7));
        seen.Sort();
        Assert.Equal(seen.Distinct().Count(), seen.Count);
    }

    [Fact]
    public async Task the_operators_screen_mode_and_timer_reach_the_screens()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        await using var screen = await Screen(final);
        await screen.Invoke("Join", final.Id);
        using var op = await server.Admin.SignIn(final.Id, "operator", "主持人");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await op.Post($"api/finals/{final.Id}/screen", new { mode = "ranking" })).Status);
        var mode = await screen.Next("update", u => u.GetProperty("kind").GetString() == "mode");
        Assert.Equal("ranking", mode.GetProperty("state").GetProperty("mode").GetString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await op.Post($"api/finals/{final.Id}/screen", new { mode = "fireworks" })).Status);

        await op.Post($"api/finals/{final.Id}/timer", new { action = "start", seconds = 300 });
        var timer = await screen.Next("update", u => u.GetProperty("kind").GetString() == "timer");
        Assert.True(timer.GetProperty("state").GetProperty("timer").GetProperty("running").GetBoolean());
        Assert.Equal(300, timer.GetProperty("state").GetProperty("timer").GetProperty("seconds").GetInt32());
    }

    [Fact]
    public async Task a_judge_cannot_join_the_screens_of_a_final_but_the_chief_can()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        await using var judge = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/screen", final.Judges["j2"].Token!, "update");
        var refused = await Assert.ThrowsAsync<HubException>(() => judge.Invoke("Join", final.Id));
        Assert.Equal(403, LiveClient.StatusOf(refused));
        await using var chief = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/screen", final.Chief.Token!, "update");
        var snapshot = await chief.Invoke("Join", final.Id);
        Assert.Equal(final.Id, snapshot.GetProperty("finalId").GetString());
    }

    [Fact]
    public async Task a_hub_connection_without_a_token_is_refused()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server.Silo.BaseAddress, "hubs/screen")).Build();
        await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        await connection.DisposeAsync();
    }
}
