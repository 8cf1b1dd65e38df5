using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

public sealed class FinalsTests(ServerFixture server)
{
    [Fact]
    public async Task an_admin_creates_a_final_and_finds_it_in_the_list()
    {
        var final = new FinalBuilder();
        var created = await server.Admin.Post("api/finals", final.ToString());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(final.Id, created.Json!["id"]!.GetValue<string>());

        var list = await server.Admin.Get("api/finals");
        var row = list.Json!.AsArray().Single(f => f!["id"]!.GetValue<string>() == final.Id)!;
        Assert.Equal("ready", row["state"]!.GetValue<string>());
        Assert.StartsWith("测试决赛", row["title"]!.GetValue<string>());

        var one = await server.Admin.Get($"api/finals/{final.Id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal("main", one.Json!["definition"]!["rounds"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task creating_a_final_twice_is_409()
    {
        var final = new FinalBuilder();
        await server.Admin.Post("api/finals", final.ToString());
        var again = await server.Admin.Post("api/finals", final.ToString());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("application/problem+json", again.MediaType);
    }

    [Fact]
    public async Task an_invalid_definition_is_400_naming_each_problem()
    {
        var final = new FinalBuilder().With(f =>
        {
            f["rounds"]![0]!["weight"] = -1;
            f["judges"]![1]!["recusals"]!.AsArray().Add("c42");
        });
        var r = await server.Admin.Post("api/finals", final.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        var paths = r.Json!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("rounds[0].weight", paths);
        Assert.Contains("judges[1].recusals[0]", paths);
        Assert.Contains("rounds[0].weight", r.Json!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.Get($"api/finals/{final.Id}")).Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"id\": 12}")]
    public async Task unreadable_json_is_400_not_500(string body)
    {
        var r = await server.Admin.Post("api/finals", body);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("application/problem+json", r.MediaType);
    }

    [Fact]
    public async Task an_unknown_final_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.Get("api/finals/nothing-here")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.Get("api/finals/nothing-here/standings")).Status);
    }

    [Fact]
    public async Task only_the_admin_creates_and_lists_finals()
    {
        var final = await server.Create(new FinalBuilder());
        var judge = final.Judges["j2"];
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Post("api/finals", new FinalBuilder().ToString())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Get("api/finals")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.Get($"api/finals/{final.Id}")).Status);
    }

    [Fact]
    public async Task an_auditor_reads_everything_and_writes_nothing()
    {
        var final = await server.Create(new FinalBuilder());
        using var auditor = await server.Admin.SignIn(final.Id, "auditor", "审计");
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}/standings")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}/journal")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}/verify")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}/export.csv")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post($"api/finals/{final.Id}/scores", new { submissionId = "x", contestant = "c1", round = "main", score = 90 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post($"api/finals/{final.Id}/publish", null)).Status);
    }
}
