using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary><c>PUT /api/finals/{id}</c>: the admin amends a running final; what may change when, and what it answers.</summary>
public sealed class AmendmentTests(ServerFixture server)
{
    internal static Task<Reply> Amend(ArenaClient admin, FinalBuilder builder, string? reason = "现场更正", bool dryRun = false) =>
        admin.Put($"api/finals/{builder.Id}" + (dryRun ? "?dryRun=true" : ""), new { definition = builder.Build(), reason });

    private static JsonNode Contestant(JsonObject d, string id) => d["contestants"]!.AsArray().First(c => c!["id"]!.GetValue<string>() == id)!;

    private static decimal Total(Reply standings, string contestant = "c1") =>
        standings.Json!["rows"]!.AsArray().First(r => r!["contestant"]!.GetValue<string>() == contestant)!["total"]!.GetValue<decimal>();

    private static decimal Total(JsonNode? view, string contestant = "c1") =>
        view!["rows"]!.AsArray().First(r => r!["contestant"]!.GetValue<string>() == contestant)!["total"]!.GetValue<decimal>();

    private static async Task ScoreAll(TestFinal final, string contestant, params decimal[] scores)
    {
        for (var i = 0; i < scores.Length; i++) Assert.Equal(HttpStatusCode.OK, (await final.Score($"j{i + 1}", contestant, scores[i])).Status);
    }

    [Fact]
    public async Task a_renamed_contestant_is_what_every_device_reads_and_the_journal_says_who_why_and_what()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2);
        var final = await server.Create(builder);
        builder.With(d => Contestant(d, "c2")["name"] = "刘晓美");

        var amended = await Amend(final.Admin, builder, "报名表姓名有误");

        Assert.Equal(HttpStatusCode.OK, amended.Status);
        Assert.True(amended.Json!["changed"]!.GetValue<bool>());
        var change = Assert.Single(amended.Json!["changes"]!.AsArray())!;
        Assert.Equal(("cosmetic", "contestants[c2].name", "选手2", "刘晓美"), (change["kind"]!.GetValue<string>(), change["path"]!.GetValue<string>(),
            change["before"]!.GetValue<string>(), change["after"]!.GetValue<string>()));
        var info = await final.Judges["j2"].Get($"api/finals/{final.Id}/info");
        Assert.Equal("刘晓美", Contestant(info.Json!["definition"]!.AsObject(), "c2")["name"]!.GetValue<string>());
        Assert.Contains((await final.Standings()).Json!["rows"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "刘晓美");
        var last = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray()[^1]!;
        Assert.Equal(("DefinitionAmended", "admin:admin", "报名表姓名有误"), (last["type"]!.GetValue<string>(), last["actor"]!.GetValue<string>(), last["data"]!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_contestant_and_a_judge_added_late_take_part_like_the_others()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        var final = await server.Create(builder);
        await ScoreAll(final, "c1", 80, 90, 70);
        builder.With(d =>
        {
            d["contestants"]!.AsArray().Add(new JsonObject { ["id"] = "c3", ["name"] = "补报选手", ["unit"] = "单位", ["order"] = 3 });
            d["judges"]!.AsArray().Add(new JsonObject { ["id"] = "j4", ["name"] = "替补评委", ["recusals"] = new JsonArray() });
        });

        var amended = await Amend(final.Admin, builder, "补报一名选手，增加一位评委");

        Assert.Equal(HttpStatusCode.OK, amended.Status);
        Assert.Equal(["contestants[c3]", "judges[j4]"], amended.Json!["changes"]!.AsArray().Select(c => c!["path"]!.GetValue<string>()).Order());
        Assert.Equal(3, amended.Json!["after"]!["rows"]!.AsArray().Count);
        // c1's round now waits for the added judge: complete before, provisional after; its score is the same.
        Assert.Equal(80m, Total(amended.Json!["after"]));
        using var j4 = await final.Admin.SignIn(final.Id, "judge", "j4");
        var sheet = await j4.Post($"api/finals/{final.Id}/scores", new { submissionId = "late-1", contestant = "c3", round = "main", score = 88 });
        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        Assert.Equal(88m, Total(await final.Standings(), "c3"));
        Assert.True((await final.Admin.Get($"api/finals/{final.Id}/verify")).Json!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task a_score_moving_change_before_publication_answers_the_standings_before_and_after_and_replays_as_it_was()
    {
        var builder = new FinalBuilder(judges: 5, contestants: 1);
        var final = await server.Create(builder);
        await ScoreAll(final, "c1", 100, 80, 70, 60, 50);
        var seqBefore = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray().Count;
        builder.Mean();

        var amended = await Amend(final.Admin, builder, "规则改为平均分");

        Assert.Equal(HttpStatusCode.OK, amended.Status);
        Assert.Equal("scoring", amended.Json!["changes"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal((70m, 72m), (Total(amended.Json!["before"]), Total(amended.Json!["after"])));
        Assert.Equal(72m, Total(await final.Standings()));
        Assert.Equal(70m, Total(await final.Standings(at: seqBefore)));
        var verify = await final.Admin.Get($"api/finals/{final.Id}/verify");
        Assert.True(verify.Json!["ok"]!.GetValue<bool>(), verify.Body);
    }

    [Fact]
    public async Task a_dry_run_answers_what_would_change_and_stores_nothing()
    {
        var builder = new FinalBuilder(judges: 5, contestants: 1);
        var final = await server.Create(builder);
        await ScoreAll(final, "c1", 100, 80, 70, 60, 50);
        builder.Mean();

        var preview = await Amend(final.Admin, builder, reason: null, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal((true, false), (preview.Json!["changed"]!.GetValue<bool>(), preview.Json!["stored"]!.GetValue<bool>()));
        Assert.Equal(72m, Total(preview.Json!["after"]));
        Assert.Equal(70m, Total(await final.Standings()));
        Assert.DoesNotContain((await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray(), e => e!["type"]!.GetValue<string>() == "DefinitionAmended");
    }

    [Fact]
    public async Task after_publication_a_score_moving_change_is_409_and_a_name_still_changes()
    {
        var builder = new FinalBuilder(judges: 5, contestants: 1);
        var final = await server.Create(builder);
        await ScoreAll(final, "c1", 100, 80, 70, 60, 50);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", new { })).Status);

        var moving = await Amend(final.Admin, builder.Mean());
        Assert.Equal(HttpStatusCode.Conflict, moving.Status);
        Assert.Contains("published", moving.Json!["detail"]!.GetValue<string>());
        Assert.Equal(70m, Total(await final.Standings()));

        var renamed = await Amend(final.Admin, new FinalBuilder(judges: 5, contestants: 1, id: final.Id).With(d => Contestant(d, "c1")["name"] = "刘晓美"));
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("刘晓美", (await final.Standings()).Json!["rows"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task removing_a_judge_with_sheets_or_recusing_one_who_scored_is_409_naming_the_sheets()
    {
        var builder = new FinalBuilder(judges: 5, contestants: 2);
        var final = await server.Create(builder);
        await final.Score("j5", "c2", 80);
        await final.Score("j4", "c1", 75);

        var removed = await Amend(final.Admin, new FinalBuilder(judges: 4, contestants: 2, id: final.Id));
        Assert.Equal(HttpStatusCode.Conflict, removed.Status);
        var orphan = Assert.Single(removed.Json!["orphans"]!.AsArray())!;
        Assert.Equal(("c2", "main", "j5", "sheet", "judge-removed"), (orphan["contestant"]!.GetValue<string>(), orphan["round"]!.GetValue<string>(),
            orphan["judge"]!.GetValue<string>(), orphan["what"]!.GetValue<string>(), orphan["why"]!.GetValue<string>()));
        Assert.Contains("选手2 · 主题演讲 · 评委5", removed.Json!["detail"]!.GetValue<string>());

        var recused = await Amend(final.Admin, builder.Recuse("j4", "c1"));
        Assert.Equal(HttpStatusCode.Conflict, recused.Status);
        Assert.Equal("recused", recused.Json!["orphans"]![0]!["why"]!.GetValue<string>());
        Assert.Equal(3, Scoring(await final.Admin.Get($"api/finals/{final.Id}/journal")).Count); // nothing stored for the refusals
    }

    [Fact]
    public async Task only_the_admin_amends_with_a_valid_definition_of_the_same_id_and_a_reason()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2);
        var final = await server.Create(builder);
        var renamed = new FinalBuilder(judges: 3, contestants: 2, id: final.Id).With(d => d["title"] = "新标题");

        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Put($"api/finals/{final.Id}", new { definition = renamed.Build(), reason = "x" })).Status);
        var noReason = await Amend(final.Admin, renamed, reason: " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal("reason", noReason.Json!["errors"]![0]!["path"]!.GetValue<string>());
        var otherId = await final.Admin.Put($"api/finals/{final.Id}", new { definition = new FinalBuilder(judges: 3, contestants: 2).Build(), reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, otherId.Status);
        Assert.Equal("id", otherId.Json!["errors"]![0]!["path"]!.GetValue<string>());
        var invalid = await Amend(final.Admin, new FinalBuilder(judges: 3, contestants: 2, id: final.Id).With(d => d["rounds"]![0]!["weight"] = -1));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains(invalid.Json!["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "rounds[0].weight");
        Assert.Equal(HttpStatusCode.NotFound, (await Amend(final.Admin, new FinalBuilder(id: "no-such-final"))).Status);

        var same = await Amend(final.Admin, builder);
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.False(same.Json!["changed"]!.GetValue<bool>());
        Assert.Single(Scoring(await final.Admin.Get($"api/finals/{final.Id}/journal")));
    }

    /// <summary>The journal without the codes issued to sign the judges in (AccessIssued): what the final itself recorded.</summary>
    private static List<System.Text.Json.Nodes.JsonNode?> Scoring(Reply journal) =>
        journal.Json!.AsArray().Where(e => !e!["type"]!.GetValue<string>().StartsWith("Access", StringComparison.Ordinal)).ToList();
}
