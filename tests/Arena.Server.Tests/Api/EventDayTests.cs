using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>Withdrawals, the draw and the ceremony over HTTP, as the organisers' pages call them.</summary>
public sealed class EventDayTests(ServerFixture server)
{
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task ScoreAll(TestFinal final, string contestant, decimal score, int judges = 3)
    {
        for (var j = 1; j <= judges; j++) Assert.Equal(HttpStatusCode.OK, (await final.Score($"j{j}", contestant, score)).Status);
    }

    [Fact]
    public async Task the_chief_and_the_admin_withdraw_a_judge_cannot_and_publication_goes_ahead_without_them()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 3).Mean());
        var path = $"api/finals/{final.Id}/withdrawals";
        await ScoreAll(final, "c1", 80m);
        await ScoreAll(final, "c2", 90m);

        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Post(path, new { contestant = "c3", kind = "absent", reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Chief.Post(path, new { contestant = "c3", kind = "ill", reason = "x" })).Status);
        var byChief = await final.Chief.Post(path, new { contestant = "c3", kind = "absent", reason = "did not show up" });
        Assert.True(byChief.Status == HttpStatusCode.OK, byChief.Body);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Admin.Post(path, new { contestant = "c3", kind = "withdrawn", reason = "again" })).Status);

        // Undone by the admin, withdrawn again by the admin: both journaled with who and why.
        Assert.Equal(HttpStatusCode.OK, (await final.Admin.Delete($"{path}/c3", new { reason = "arrived late" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/publish", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Admin.Post(path, new { contestant = "c3", kind = "withdrawn", reason = "left" })).Status);
        var refused = await final.Score("j1", "c3", 70m);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("withdrawn", refused.Json!["detail"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", new { })).Status);
        var rows = (await final.Standings()).Json!["rows"]!.AsArray();
        Assert.Equal("c3", rows[2]!["contestant"]!.GetValue<string>());
        Assert.Null(rows[2]!["rank"]);
        Assert.Equal("withdrawn", rows[2]!["withdrawn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await final.Admin.Delete($"{path}/c3?reason=too+late")).Status);

        var journal = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var withdrawals = journal.Where(e => e!["stream"]!.GetValue<string>() == "contestant:c3").Select(e =>
            (e!["type"]!.GetValue<string>(), e["actor"]!.GetValue<string>(), e["data"]!["reason"]!.GetValue<string>())).ToList();
        Assert.Equal([("ContestantWithdrawn", "judge:j1", "did not show up"), ("WithdrawalUndone", "admin:admin", "arrived late"),
            ("ContestantWithdrawn", "admin:admin", "left")], withdrawals);
        Assert.True((await final.Admin.Get($"api/finals/{final.Id}/verify")).Json!["ok"]!.GetValue<bool>());

        var csv = (await final.Admin.Get($"api/finals/{final.Id}/export.csv")).Body;
        Assert.Contains("c3,选手3,单位,,,withdrawn (弃权)", csv);
    }

    [Fact]
    public async Task the_draw_commits_then_reveals_a_seed_that_recomputes_the_order_and_the_seed_is_not_in_the_journal_before()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 6).Gated());
        using var op = await final.Admin.SignIn(final.Id, "operator", "");
        Assert.Equal(HttpStatusCode.Conflict, (await op.Post($"api/finals/{final.Id}/draw/reveal", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Post($"api/finals/{final.Id}/draw/commit", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Admin.Post($"api/finals/{final.Id}/withdrawals", new { contestant = "c4", kind = "absent", reason = "no-show" })).Status);

        var commit = await op.Post($"api/finals/{final.Id}/draw/commit", new { });
        Assert.True(commit.Status == HttpStatusCode.OK, commit.Body);
        var commitment = commit.Json!["commitment"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", commitment);
        Assert.Equal(HttpStatusCode.Conflict, (await op.Post($"api/finals/{final.Id}/draw/commit", new { })).Status);
        var before = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Body;

        var reveal = await op.Post($"api/finals/{final.Id}/draw/reveal", new { });
        Assert.True(reveal.Status == HttpStatusCode.OK, reveal.Body);
        var seed = reveal.Json!["seed"]!.GetValue<string>();
        var order = reveal.Json!["order"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();

        Assert.Equal(commitment, Sha256Hex(seed));
        Assert.DoesNotContain(seed, before);
        Assert.Equal(new[] { "c1", "c2", "c3", "c5", "c6" }.OrderBy(id => Sha256Hex(seed + ":" + id), StringComparer.Ordinal), order);
        var contestants = (await final.Admin.Get($"api/finals/{final.Id}")).Json!["definition"]!["contestants"]!.AsArray();
        Assert.Equal([.. order, "c4"], contestants.OrderBy(c => c!["order"]!.GetValue<int>()).Select(c => c!["id"]!.GetValue<string>()));

        var journal = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var revealed = journal.Single(e => e!["type"]!.GetValue<string>() == "DrawRevealed")!;
        Assert.Equal(("operator:operator", seed), (revealed["actor"]!.GetValue<string>(), revealed["data"]!["seed"]!.GetValue<string>()));
        Assert.Equal(commitment, journal.Single(e => e!["type"]!.GetValue<string>() == "DrawCommitted")!["data"]!["commitment"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await op.Post($"api/finals/{final.Id}/stage", new { contestant = order[0], round = "main" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await op.Post($"api/finals/{final.Id}/draw/commit", new { })).Status);
    }

    [Fact]
    public async Task a_committed_draw_and_the_ceremony_survive_a_restart_of_the_server_on_the_same_data()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        TestFinal final;
        string commitment;
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 3).Mean()
                .With(f => f["awards"] = JsonSerializer.SerializeToNode(new[] { new { title = "一等奖", count = 1 }, new { title = "二等奖", count = 1 } })));
            commitment = (await admin.Post($"api/finals/{final.Id}/draw/commit", new { })).Json!["commitment"]!.GetValue<string>();
        }
        await silo.KillAsync();
        await silo.StartAsync();

        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var reveal = await again.Post($"api/finals/{final.Id}/draw/reveal", new { });
        Assert.True(reveal.Status == HttpStatusCode.OK, reveal.Body);
        Assert.Equal(commitment, Sha256Hex(reveal.Json!["seed"]!.GetValue<string>()));
        var judges = new TestFinal(final.Id, again, await SignInJudges(again, final.Id));
        await ScoreAll(judges, "c1", 90m);
        await ScoreAll(judges, "c2", 80m);
        await ScoreAll(judges, "c3", 70m);
        Assert.Equal(HttpStatusCode.OK, (await again.Post($"api/finals/{final.Id}/ceremony/reveal", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.Post($"api/finals/{final.Id}/ceremony/hold", new { })).Status);
        await silo.KillAsync();
        await silo.StartAsync();

        using var third = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        await using var screen = await LiveClient.Connect(silo.BaseAddress, "hubs/screen", third.Token!);
        var state = await screen.Invoke("Join", final.Id);
        Assert.Equal("podium", state.GetProperty("mode").GetString());
        Assert.Equal(["二等奖"], state.GetProperty("ceremony").GetProperty("revealedTiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("一等奖", state.GetProperty("ceremony").GetProperty("nextTier").GetString());
        Assert.True(state.GetProperty("ceremony").GetProperty("held").GetBoolean());
        Assert.Equal(reveal.Json!["seed"]!.GetValue<string>(), state.GetProperty("draw").GetProperty("seed").GetString());
    }

    private static async Task<IReadOnlyDictionary<string, ArenaClient>> SignInJudges(ArenaClient admin, string finalId)
    {
        var judges = new Dictionary<string, ArenaClient>();
        foreach (var j in new[] { "j1", "j2", "j3" }) judges[j] = await admin.SignIn(finalId, "judge", j);
        return judges;
    }
}
