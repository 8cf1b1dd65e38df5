using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>Two-person sign-off over HTTP: a supervisor's code, what waits in /info, confirming and refusing, the journal and verify.</summary>
public sealed class SignOffTests(ServerFixture server)
{
    [Fact]
    public async Task the_chief_asks_a_supervisor_confirms_and_the_journal_says_who_did_what_and_still_verifies()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean().With(f => f["signOff"] = true));
        foreach (var (c, score) in new[] { ("c1", 80m), ("c2", 70m) })
            for (var j = 1; j <= 3; j++) Assert.Equal(HttpStatusCode.OK, (await final.Score($"j{j}", c, score)).Status);
        using var supervisor = await final.Admin.SignIn(final.Id, "supervisor", "李监督");
        using var auditor = await final.Admin.SignIn(final.Id, "auditor", "office");

        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", points = -15, reason = "超时" })).Status);
        var pending = (await Info(supervisor, final.Id))["signOff"]!["pending"]!.AsArray();
        var proposal = Assert.Single(pending)!["proposal"]!.GetValue<string>();
        Assert.Equal(80m, await Total(final, "c1")); // asked, not in effect

        var path = $"api/finals/{final.Id}/sign-off/{proposal}";
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Post(path + "/confirm", new { reason = "我自己确认" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post(path + "/confirm", new { reason = "同意" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.Post(path + "/confirm", new { reason = "" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Post(path + "/confirm", new { reason = "核实超时 40 秒" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Post(path + "/confirm", new { reason = "again" })).Status);
        Assert.Equal(65m, await Total(final, "c1"));

        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        Assert.False((await Info(final.Admin, final.Id))["published"]!.GetValue<bool>());
        var publication = Assert.Single((await Info(supervisor, final.Id))["signOff"]!["pending"]!.AsArray())!;
        Assert.Equal("publication", publication["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Post($"api/finals/{final.Id}/sign-off/{publication["proposal"]}/confirm", new { reason = "核对无误" })).Status);
        var info = await Info(final.Admin, final.Id);
        Assert.True(info["published"]!.GetValue<bool>());
        Assert.Equal(2, info["signOff"]!["answered"]!.AsArray().Count);

        // The supervisor reads what an auditor reads; every step is in the journal with its actor; verify holds.
        var journal = (await supervisor.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        Assert.Contains(journal, e => e!["type"]!.GetValue<string>() == "AdjustmentProposed" && e["actor"]!.GetValue<string>() == "judge:j1");
        Assert.Contains(journal, e => e!["type"]!.GetValue<string>() == "AdjustmentApplied" && e["actor"]!.GetValue<string>() == "supervisor:李监督");
        Assert.Contains(journal, e => e!["type"]!.GetValue<string>() == "PublicationConfirmed" && e["data"]!["reason"]!.GetValue<string>() == "核对无误");
        var verify = (await supervisor.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());

        // The result sheet shows who confirmed what and when: the penalty as the chief asked it, then the supervisor.
        var pdf = await supervisor.Download($"api/finals/{final.Id}/result-sheet.pdf");
        Assert.True(pdf.Status == HttpStatusCode.OK, pdf.ToString());
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.Bytes);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("理由：超时", text);
        Assert.Contains("监督 李监督 确认", text);
        Assert.Contains("核实超时 40 秒", text);
        Assert.Contains("经监督 李监督确认：核对无误", text);
    }

    [Fact]
    public async Task a_final_without_sign_off_publishes_on_the_chiefs_word_and_refuses_a_supervisors_answer()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        for (var j = 1; j <= 3; j++) await final.Score($"j{j}", "c1", 80m);
        using var supervisor = await final.Admin.SignIn(final.Id, "supervisor", "李监督");
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.Post($"api/finals/{final.Id}/sign-off/p1/confirm", new { reason = "同意" })).Status);
        Assert.False((await Info(final.Admin, final.Id))["signOff"]!["required"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        Assert.True((await Info(final.Admin, final.Id))["published"]!.GetValue<bool>());
    }

    private static async Task<JsonNode> Info(ArenaClient client, string final)
    {
        var r = await client.Get($"api/finals/{final}/info");
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return r.Json!;
    }

    private static async Task<decimal> Total(TestFinal final, string contestant) =>
        (await final.Standings()).Json!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == contestant)!["total"]!.GetValue<decimal>();
}
