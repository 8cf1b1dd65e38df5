using System.Text.Json;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Arena.Server.Tests.Live;

public sealed class JudgeHubTests(ServerFixture server)
{
    private Task<LiveClient> Tablet(TestFinal final, string judge) =>
        LiveClient.Connect(server.Silo.BaseAddress, "hubs/judge", final.Judges[judge].Token!, "stage", "reopened");

    [Fact]
    public async Task a_judge_submits_over_the_hub_with_the_same_rules_and_idempotency_as_http()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated());
        await using var tablet = await Tablet(final, "j2");

        var notOnStage = await Assert.ThrowsAsync<HubException>(() =>
            tablet.Invoke("Submit", new { submissionId = "a", contestant = "c1", round = "main", score = 80 }));
        Assert.Equal(409, LiveClient.StatusOf(notOnStage));

        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
        var stage = await tablet.Next("stage");
        Assert.Equal("c1", stage.GetProperty("contestant").GetString());

        var offStep = await Assert.ThrowsAsync<HubException>(() =>
            tablet.Invoke("Submit", new { submissionId = "b", contestant = "c1", round = "main", score = 80.3 }));
        Assert.Equal(400, LiveClient.StatusOf(offStep));

        var ack = await tablet.Invoke("Submit", new { submissionId = "c", contestant = "c1", round = "main", score = 80.5 });
        Assert.True(ack.GetProperty("accepted").GetBoolean());
        Assert.Equal(80.5m, ack.GetProperty("total").GetDecimal());
        var again = await tablet.Invoke("Submit", new { submissionId = "c", contestant = "c1", round = "main", score = 80.5 });
        Assert.Equal(80.5m, again.GetProperty("total").GetDecimal());
        var journal = await final.Admin.Get($"api/finals/{final.Id}/journal");
        Assert.Single(journal.Json!.AsArray(), e => e!["type"]!.GetValue<string>() == "SheetSubmitted");
    }

    [Fact]
    public async Task a_judge_is_told_when_the_chief_reopens_their_sheet()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        await using var tablet = await Tablet(final, "j3");
        await tablet.Invoke("Submit", new { submissionId = "x1", contestant = "c1", round = "main", score = 60 });
        await final.Chief.Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j3", reason = "请核对分数" });
        var reopened = await tablet.Next("reopened");
        Assert.Equal("请核对分数", reopened.GetProperty("reason").GetString());
        var corrected = await tablet.Invoke("Submit", new { submissionId = "x2", contestant = "c1", round = "main", score = 65 });
        Assert.Equal(65m, corrected.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task a_screen_token_cannot_submit()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        using var screen = await server.Admin.SignIn(final.Id, "screen", "大屏");
        await using var hub = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/judge", screen.Token!);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            hub.Invoke("Submit", new { submissionId = "s", contestant = "c1", round = "main", score = 60 }));
    }
}
