using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

public sealed class ScoringTests(ServerFixture server)
{
    [Fact]
    public async Task five_judges_score_and_the_standings_drop_the_highest_and_lowest()
    {
        var final = await server.Create(new FinalBuilder(judges: 5, contestants: 2));
        decimal[] c1 = [90, 85.5m, 88, 70, 99.5m];
        decimal[] c2 = [80, 80, 80, 80, 80];
        for (var j = 0; j < 5; j++)
        {
            var ack = await final.Score($"j{j + 1}", "c1", c1[j]);
            Assert.True(ack.Status == HttpStatusCode.OK, ack.ToString());
            Assert.True(ack.Json!["accepted"]!.GetValue<bool>());
            Assert.Equal(c1[j], ack.Json!["total"]!.GetValue<decimal>());
            Assert.Equal(HttpStatusCode.OK, (await final.Score($"j{j + 1}", "c2", c2[j])).Status);
        }
        var standings = await final.Standings();
        var rows = standings.Json!["rows"]!.AsArray();
        // (90 + 85.5 + 88) / 3 = 87.8333… → 87.83
        Assert.Equal("c1", rows[0]!["contestant"]!.GetValue<string>());
        Assert.Equal(87.83m, rows[0]!["total"]!.GetValue<decimal>());
        Assert.Equal(87.83m, rows[0]!["rounds"]!["main"]!.GetValue<decimal>());
        Assert.Equal(1, rows[0]!["rank"]!.GetValue<int>());
        Assert.Equal("一等奖", rows[0]!["award"]!.GetValue<string>());
        Assert.True(rows[0]!["complete"]!.GetValue<bool>());
        Assert.Equal(80m, rows[1]!["total"]!.GetValue<decimal>());
        Assert.Equal(2, rows[1]!["rank"]!.GetValue<int>());
        Assert.False(standings.Json!["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task the_same_submission_id_twice_is_one_sheet()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        var first = await final.Score("j2", "c1", 77, submissionId: "tablet-j2-0001");
        var again = await final.Score("j2", "c1", 77, submissionId: "tablet-j2-0001");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Json!["total"]!.GetValue<decimal>(), again.Json!["total"]!.GetValue<decimal>());
        var journal = await final.Admin.Get($"api/finals/{final.Id}/journal");
        Assert.Single(journal.Json!.AsArray(), e => e!["type"]!.GetValue<string>() == "SheetSubmitted");
    }

    [Fact]
    public async Task a_judge_cannot_pre_empt_another_judges_submission_id()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        // j3 guesses the id j2's tablet will use next and submits with it first.
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j3", "c1", 60, submissionId: "tablet-0001")).Status);
        var mine = await final.Score("j2", "c1", 90, submissionId: "tablet-0001");
        Assert.True(mine.Status == HttpStatusCode.OK, mine.ToString());
        Assert.Equal(90m, mine.Json!["total"]!.GetValue<decimal>());
        var journal = await final.Admin.Get($"api/finals/{final.Id}/journal");
        Assert.Equal(2, journal.Json!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "SheetSubmitted"));
    }

    [Fact]
    public async Task a_judge_cannot_submit_twice_until_the_chief_reopens_the_sheet()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        await final.Score("j2", "c1", 60);
        await final.Score("j3", "c1", 70);
        await final.Score("j1", "c1", 80);
        var twice = await final.Score("j2", "c1", 65);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);

        var byJudge = await final.Judges["j3"].Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j2", reason = "typo" });
        Assert.Equal(HttpStatusCode.Forbidden, byJudge.Status);
        var noReason = await final.Chief.Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j2" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        var reopened = await final.Chief.Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j2", reason = "评委录入错误" });
        Assert.Equal(HttpStatusCode.OK, reopened.Status);

        var provisional = (await final.Standings()).Json!["rows"]![0]!;
        Assert.False(provisional["complete"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j2", "c1", 90)).Status);
        var row = (await final.Standings()).Json!["rows"]![0]!;
        Assert.True(row["complete"]!.GetValue<bool>());
        Assert.Equal(80m, row["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task an_off_step_or_out_of_range_sheet_is_400_and_nothing_is_stored()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var offStep = await final.Score("j2", "c1", 88.3m);
        Assert.Equal(HttpStatusCode.BadRequest, offStep.Status);
        Assert.Equal("score", offStep.Json!["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Score("j2", "c1", 100.5m)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Score("j2", "c1", -1)).Status);
        var missing = await final.Judges["j2"].Post($"api/finals/{final.Id}/scores", new { contestant = "c1", round = "main", score = 80 });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        var journal = await final.Admin.Get($"api/finals/{final.Id}/journal");
        Assert.DoesNotContain(journal.Json!.AsArray(), e => e!["type"]!.GetValue<string>() == "SheetSubmitted");
    }

    [Fact]
    public async Task unknown_contestant_or_round_is_404()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        Assert.Equal(HttpStatusCode.NotFound, (await final.Score("j2", "c9", 80)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await final.Score("j2", "c1", 80, round: "nope")).Status);
    }

    [Fact]
    public async Task a_gated_final_takes_sheets_only_for_what_is_on_stage()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated());
        Assert.Equal(HttpStatusCode.Conflict, (await final.Score("j2", "c1", 80)).Status);
        using var op = await server.Admin.SignIn(final.Id, "operator", "主持人");
        Assert.Equal(HttpStatusCode.OK, (await op.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j2", "c1", 80)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Score("j2", "c2", 80)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Post($"api/finals/{final.Id}/stage", new { contestant = "c2", round = "main" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c2", round = "main" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j2", "c2", 80)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await op.Post($"api/finals/{final.Id}/stage", new { contestant = "c7", round = "main" })).Status);
    }

    [Fact]
    public async Task a_recused_judge_cannot_score_that_contestant()
    {
        var final = await server.Create(new FinalBuilder(judges: 4, contestants: 2).Recuse("j3", "c2"));
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Score("j3", "c2", 80)).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j3", "c1", 80)).Status);
    }

    [Fact]
    public async Task a_judge_of_one_final_cannot_touch_another()
    {
        var a = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var b = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        var r = await a.Judges["j2"].Post($"api/finals/{b.Id}/scores", new { submissionId = "s1", contestant = "c1", round = "main", score = 80 });
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
    }

    [Fact]
    public async Task a_screen_reads_standings_only_and_sees_no_number_before_a_round_is_complete()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        using var screen = await server.Admin.SignIn(final.Id, "screen", "大屏");
        await final.Score("j1", "c1", 90);
        var early = await screen.Get($"api/finals/{final.Id}/standings");
        Assert.Equal(HttpStatusCode.OK, early.Status);
        var c1 = early.Json!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == "c1")!;
        Assert.Null(c1["rounds"]!["main"]);
        Assert.Equal(0m, c1["total"]!.GetValue<decimal>());
        await final.Score("j2", "c1", 80);
        await final.Score("j3", "c1", 70);
        var complete = (await screen.Get($"api/finals/{final.Id}/standings")).Json!["rows"]![0]!;
        Assert.Equal(80m, complete["total"]!.GetValue<decimal>());

        Assert.Equal(HttpStatusCode.Forbidden, (await screen.Get($"api/finals/{final.Id}/journal")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.Post($"api/finals/{final.Id}/scores", new { submissionId = "x", contestant = "c2", round = "main", score = 80 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Get($"api/finals/{final.Id}/standings")).Status);
    }

    [Fact]
    public async Task adjustments_and_closing_a_round_need_the_chief_and_a_reason()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c1", 80);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Post($"api/finals/{final.Id}/close", new { contestant = "c1", round = "main", reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Chief.Post($"api/finals/{final.Id}/close", new { contestant = "c1", round = "main" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/close", new { contestant = "c1", round = "main", reason = "评委3缺席" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/close", new { contestant = "c1", round = "main", reason = "again" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", round = "main", points = -1.5, reason = "超时" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", points = 0.25, reason = "加分" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", points = 1 })).Status);
        var row = (await final.Standings()).Json!["rows"]![0]!;
        Assert.True(row["complete"]!.GetValue<bool>());
        Assert.Equal(83.5m, row["rounds"]!["main"]!.GetValue<decimal>()); // 85 − 1.5
        Assert.Equal(83.75m, row["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task publishing_needs_every_contestant_complete_and_then_freezes_the_results()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        await final.Score("j1", "c1", 90);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        await final.Score("j2", "c1", 80);
        await final.Score("j3", "c1", 70);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Post($"api/finals/{final.Id}/publish", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        Assert.True((await final.Standings()).Json!["published"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j2", reason = "late" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        var list = await server.Admin.Get("api/finals");
        Assert.Equal("published", list.Json!.AsArray().Single(f => f!["id"]!.GetValue<string>() == final.Id)!["state"]!.GetValue<string>());
    }
}
