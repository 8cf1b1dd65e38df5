using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Durability;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>
/// The audience vote (大众评审): a panel of kind audience, a window the chief opens and closes for the contestant on
/// stage, anonymous ballots with one-time ticket codes (or once per device), the exact count in the journal, folded
/// into the round as that panel's score; the ballots survive a kill -9 and the recount in verify catches a deleted one.
/// </summary>
public sealed class AudienceVoteTests(ServerFixture server)
{
    /// <summary>experts (80 %, judges j1–j3, mean) + the hall (20 %, share of 支持 votes × 100).</summary>
    public static FinalBuilder Voted(int judges = 3, int contestants = 2, string voters = "tickets", string vote = "share") =>
        new FinalBuilder(judges, contestants).Mean().Audience(voters, vote);

    [Fact]
    public async Task one_ticket_is_one_vote_a_closed_window_takes_none_and_the_exact_count_scores_the_hall_panel()
    {
        var final = await server.Create(Voted());
        using var hall = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Post($"api/finals/{final.Id}/tickets", new { count = 10 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Admin.Post($"api/finals/{final.Id}/tickets", new { count = 0 })).Status);
        var issued = await final.Admin.Post($"api/finals/{final.Id}/tickets", new { count = 10 });
        Assert.True(issued.Status == HttpStatusCode.OK, issued.ToString());
        Assert.Equal(1, issued.Json!["from"]!.GetValue<int>());
        Assert.Equal(10, issued.Json["issued"]!.GetValue<int>());
        var sheet = (await final.Admin.Get($"api/finals/{final.Id}/tickets")).Json!["tickets"]!.AsArray();
        var codes = sheet.Select(t => t!["code"]!.GetValue<string>()).ToArray();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.EndsWith($"/vote/{final.Id}?ticket={Uri.EscapeDataString(codes[0])}", sheet[0]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await hall.Get($"api/finals/{final.Id}/tickets")).Status);

        Assert.Null((await hall.Get($"api/finals/{final.Id}/vote")).Json!["vote"]);
        Assert.Equal(HttpStatusCode.NotFound, (await hall.Get("api/finals/made-up/vote")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { })).Status); // nobody on stage
        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Post($"api/finals/{final.Id}/vote/open", new { })).Status);
        var opened = await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { });
        Assert.True(opened.Status == HttpStatusCode.OK, opened.ToString());
        var window = opened.Json!["window"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { contestant = "c2" })).Status); // one at a time

        var state = (await hall.Get($"api/finals/{final.Id}/vote")).Json!;
        Assert.True(state["vote"]!["open"]!.GetValue<bool>());
        Assert.Equal(window, state["vote"]!["window"]!.GetValue<long>());
        Assert.Equal("选手1", state["contestant"]!.GetValue<string>());
        Assert.Equal("share", state["vote"]!["method"]!.GetValue<string>());

        // 7 for, 3 against, all at once, as a hall does.
        var votes = await Task.WhenAll(codes.Select((code, i) => hall.Post($"api/finals/{final.Id}/vote", new { window, value = i < 7 ? 1 : 0, ticket = code })));
        Assert.All(votes, v => Assert.True(v.Status == HttpStatusCode.OK && !v.Json!["repeat"]!.GetValue<bool>(), v.ToString()));
        var repeat = await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = codes[0] }); // a retry after a lost answer
        Assert.True(repeat.Json!["repeat"]!.GetValue<bool>(), repeat.ToString());
        var changed = await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 0, ticket = codes[0] });
        Assert.Equal(HttpStatusCode.Conflict, changed.Status);
        Assert.Equal("application/problem+json", changed.MediaType);
        var forged = codes[0][..^1] + (codes[0][^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.Forbidden, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = forged })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = "hello" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 5, ticket = codes[1] })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1 })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hall.Post($"api/finals/{final.Id}/vote", new { window = window + 1000, value = 1, ticket = codes[1] })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", "{not json")).Status);

        var closed = await final.Chief.Post($"api/finals/{final.Id}/vote/close", new { });
        Assert.True(closed.Status == HttpStatusCode.OK, closed.ToString());
        Assert.False(closed.Json!["open"]!.GetValue<bool>());
        Assert.Equal(10, closed.Json["ballots"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = codes[0] })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/vote/close", new { })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { })).Status); // c1 counted in this round

        // The hall's panel alone does not complete the round; the judges then do: 0.8 × 80 + 0.2 × 70.
        var before = (await final.Standings()).Json!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == "c1")!;
        Assert.Equal(0, before["rank"]!.GetValue<int>()); // 0: no rank
        await final.Score("j1", "c1", 80);
        await final.Score("j2", "c1", 90);
        await final.Score("j3", "c1", 70);
        var row = (await final.Standings()).Json!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == "c1")!;
        Assert.Equal(78m, row["total"]!.GetValue<decimal>());

        var journal = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var count = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "VotesCounted")!;
        Assert.Equal(10, count["data"]!["ballots"]!.GetValue<int>());
        Assert.Equal(7, count["data"]!["sum"]!.GetValue<long>());
        Assert.Equal("judge:j1", Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "VotingOpened")!["actor"]!.GetValue<string>());
        var verify = (await final.Admin.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
    }

    [Fact]
    public async Task a_device_votes_once_with_a_rating_and_no_ticket_is_needed()
    {
        var final = await server.Create(Voted(voters: "devices", vote: "rating"));
        using var hall = new ArenaClient(server.Silo.BaseAddress);
        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c2", round = "main" });
        var window = (await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { })).Json!["window"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 0, device = "phone-0001" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 11, device = "phone-0001" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 8, device = "short" })).Status);
        foreach (var (device, value) in new[] { ("phone-0001", 8), ("phone-0002", 6), ("phone-0003", 10) })
            Assert.Equal(HttpStatusCode.OK, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value, device })).Status);
        Assert.True((await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 8, device = "phone-0001" })).Json!["repeat"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 9, device = "phone-0001" })).Status);
        var closed = (await final.Chief.Post($"api/finals/{final.Id}/vote/close", new { })).Json!;
        Assert.Equal(3, closed["ballots"]!.GetValue<int>());
        foreach (var j in new[] { "j1", "j2", "j3" }) await final.Score(j, "c2", 90);
        // mean rating 8 of 10 → 80 of 100: 0.8 × 90 + 0.2 × 80.
        var row = (await final.Standings()).Json!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == "c2")!;
        Assert.Equal(88m, row["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task a_definition_with_a_bad_audience_panel_is_refused_naming_the_field()
    {
        var bad = Voted().With(f => f["rounds"]![0]!["panels"]![1]!["vote"] = "applause");
        var reply = await server.Admin.Post("api/finals", bad.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("rounds[0].panels[1].vote", reply.Body);
        var judgeInHall = Voted().With(f => f["judges"]![1]!["panel"] = "hall");
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Admin.Post("api/finals", judgeInHall.ToString())).Status);
    }

    public static TheoryData<string> Stores => KillTests.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task acknowledged_ballots_survive_a_kill_and_a_deleted_ballot_fails_the_recount(string store)
    {
        await using var silo = new SiloProcess(settings: KillTests.StoreSettings(store));
        await silo.StartAsync();
        TestFinal final;
        string[] codes;
        long window;
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            final = await TestFinal.Create(admin, Voted());
            await admin.Post($"api/finals/{final.Id}/tickets", new { count = 60 });
            codes = [.. (await admin.Get($"api/finals/{final.Id}/tickets")).Json!["tickets"]!.AsArray().Select(t => t!["code"]!.GetValue<string>())];
            await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
            window = (await final.Chief.Post($"api/finals/{final.Id}/vote/open", new { })).Json!["window"]!.GetValue<long>();
            using var hall = new ArenaClient(silo.BaseAddress);
            var acked = await Task.WhenAll(codes.Take(50).Select(code => hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = code })));
            Assert.All(acked, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        }
        await silo.KillAsync(); // as soon as the last ack is in

        await silo.StartAsync();
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        using (var hall = new ArenaClient(silo.BaseAddress))
        {
            var chief = await admin.SignIn(final.Id, "judge", "j1");
            Assert.True((await hall.Get($"api/finals/{final.Id}/vote")).Json!["vote"]!["open"]!.GetValue<bool>()); // still open after the restart
            Assert.True((await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 1, ticket = codes[3] })).Json!["repeat"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.Conflict, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 0, ticket = codes[3] })).Status);
            foreach (var code in codes.Skip(50)) Assert.Equal(HttpStatusCode.OK, (await hall.Post($"api/finals/{final.Id}/vote", new { window, value = 0, ticket = code })).Status);
            var closed = (await chief.Post($"api/finals/{final.Id}/vote/close", new { })).Json!;
            Assert.Equal(60, closed["ballots"]!.GetValue<int>());
            var verify = (await admin.Get($"api/finals/{final.Id}/verify")).Json!;
            Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
        }
        await silo.KillAsync();

        // Whoever can write the database takes one ballot out of a box: the box's chain and the recount both say so.
        await using (var db = JournalTamperTests.Open(store, silo))
        {
            var t = JournalTamperTests.Table(store);
            await JournalTamperTests.Run(db, $"DELETE FROM {t.Name} WHERE {t.Final} = @f AND {t.Stream} = (SELECT MIN({t.Stream}) FROM {t.Name} WHERE {t.Final} = @f) AND {t.Idx} = 0", final.Id + "#ballots");
        }
        await silo.StartAsync();
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            var verify = (await admin.Get($"api/finals/{final.Id}/verify")).Json!;
            Assert.False(verify["ok"]!.GetValue<bool>());
            var problems = verify["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            Assert.Contains(problems, p => p.StartsWith("ballots box:", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains($"the count of vote {window}", StringComparison.Ordinal) && p.Contains("the boxes hold 59", StringComparison.Ordinal));
        }
    }
}
