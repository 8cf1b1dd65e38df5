using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

public sealed class JournalTests(ServerFixture server)
{
    [Fact]
    public async Task every_change_is_in_the_journal_with_actor_and_a_chained_hash()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated().Mean());
        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
        await final.Score("j2", "c1", 80);
        var all = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        // Signing the judges in issued a code each: journaled (AccessIssued, no secret) between creation and the call.
        Assert.Equal(["FinalCreated", "AccessIssued", "AccessIssued", "AccessIssued", "ContestantCalled", "SheetSubmitted"], all.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), all.Select(e => e!["seq"]!.GetValue<long>()));
        var journal = all.Where(e => e!["type"]!.GetValue<string>() != "AccessIssued").ToList();
        Assert.Equal("admin:admin", journal[0]!["actor"]!.GetValue<string>());
        Assert.Equal("judge:j1", journal[1]!["actor"]!.GetValue<string>());
        Assert.Equal("judge:j2", journal[2]!["actor"]!.GetValue<string>());
        Assert.Equal("contestant:c1", journal[2]!["stream"]!.GetValue<string>());
        Assert.Equal(80m, journal[2]!["data"]!["total"]!.GetValue<decimal>());
        Assert.All(journal, e => Assert.Matches("^[0-9a-f]{64}$", e!["hash"]!.GetValue<string>()));
    }

    [Fact]
    public async Task standings_at_a_sequence_number_show_the_final_as_it_was()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c1", 60);
        await final.Score("j3", "c1", 60);
        await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", points = -10, reason = "超时" });
        var sheets = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "SheetSubmitted").Select(e => e!["seq"]!.GetValue<long>()).ToList();

        Assert.Equal(60m, (await final.Standings()).Json!["rows"]![0]!["total"]!.GetValue<decimal>());
        Assert.Equal(90m, (await final.Standings(at: sheets[0])).Json!["rows"]![0]!["total"]!.GetValue<decimal>());
        Assert.Equal(75m, (await final.Standings(at: sheets[1])).Json!["rows"]![0]!["total"]!.GetValue<decimal>());
        Assert.Equal(70m, (await final.Standings(at: sheets[2])).Json!["rows"]![0]!["total"]!.GetValue<decimal>());
        Assert.False((await final.Standings(at: sheets[1])).Json!["rows"]![0]!["complete"]!.GetValue<bool>());
        Assert.True((await final.Standings(at: sheets[2])).Json!["rows"]![0]!["complete"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Standings(at: 99)).Status);
    }

    [Fact]
    public async Task verify_is_ok_for_an_untouched_final()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c2", 60);
        var verify = await final.Admin.Get($"api/finals/{final.Id}/verify");
        Assert.True(verify.Json!["ok"]!.GetValue<bool>(), verify.Body);
        Assert.Equal(3 + 3, verify.Json!["events"]!.GetValue<int>()); // created, 2 sheets, and a code issued per judge
        Assert.Empty(verify.Json!["problems"]!.AsArray());
    }

    [Fact]
    public async Task the_csv_export_has_every_judges_sheet()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c1", 80);
        await final.Score("j3", "c1", 70);
        var csv = await final.Admin.Get($"api/finals/{final.Id}/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var lines = csv.Body.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,contestant,name,unit,total,award,status,main,main/j1,main/j2,main/j3,adjustments,adjustmentPoints", lines[0].Trim());
        Assert.Equal("1,c1,选手1,单位,80.00,一等奖,complete,80.00,90 (dropped),80,70 (dropped),,", lines[1].Trim());
        var xlsx = await final.Admin.Get($"api/finals/{final.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        Assert.StartsWith("PK", xlsx.Body);
    }

    [Fact]
    public async Task a_name_that_looks_like_a_formula_is_text_in_the_exports_and_scores_are_numbers()
    {
        const string hostile = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).With(d =>
        {
            d["contestants"]![0]!["name"] = hostile;
            d["contestants"]![0]!["unit"] = "@SUM(1+1)";
        }));
        await final.Score("j1", "c1", 90);
        await final.Score("j2", "c1", 80);
        await final.Score("j3", "c1", 70);

        var csv = (await final.Admin.Get($"api/finals/{final.Id}/export.csv")).Body;
        var row = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        Assert.StartsWith("1,c1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",'@SUM(1+1),80.00,", row);

        var xlsx = await final.Admin.Download($"api/finals/{final.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.Bytes));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        var sheet = Part("xl/worksheets/sheet1.xml");
        var strings = zip.GetEntry("xl/sharedStrings.xml") is null ? "" : Part("xl/sharedStrings.xml");
        Assert.DoesNotContain("<x:f>", sheet);
        Assert.DoesNotContain("<f>", sheet);
        Assert.Contains("'=HYPERLINK(", System.Net.WebUtility.HtmlDecode(sheet + strings));
        // The total is a number cell (no t="s"/"str"/"inlineStr"): 80.00 is summable in Excel.
        Assert.Matches("<(x:)?c r=\"E2\"( s=\"\\d+\")?( t=\"n\")?( s=\"\\d+\")?>\\s*<(x:)?v>80(\\.0+)?</(x:)?v>", sheet);
    }

    [Fact]
    public async Task the_exports_have_every_criterion_value_and_every_adjustment_with_its_reason()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).With(f =>
        {
            var round = f["rounds"]![0]!.AsObject();
            round.Remove("max");
            round.Remove("step");
            round["criteria"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"id":"content","title":"内容","max":60,"step":0.5},{"id":"delivery","title":"表达","max":40,"step":0.5}]""");
        }));
        foreach (var (judge, content, delivery) in new[] { ("j1", 50m, 38m), ("j2", 40m, 30m), ("j3", 45m, 35.5m) })
            Assert.Equal(HttpStatusCode.OK, (await final.Judges[judge].Post($"api/finals/{final.Id}/scores",
                new { submissionId = Guid.NewGuid().ToString(), contestant = "c1", round = "main", criteria = new { content, delivery } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c1", points = -2, reason = "超时, 扣分" })).Status);

        var lines = (await final.Admin.Get($"api/finals/{final.Id}/export.csv")).Body.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,contestant,name,unit,total,award,status,main,main/j1,main/j1/content,main/j1/delivery,main/j2,main/j2/content,main/j2/delivery," +
            "main/j3,main/j3/content,main/j3/delivery,adjustments,adjustmentPoints", lines[0].Trim());
        // j3's 80.5 is the middle sheet (counted); the reason's comma is quoted, the points are a number.
        Assert.Equal("1,c1,选手1,单位,78.50,一等奖,complete,80.50,88 (dropped),50,38,70 (dropped),40,30,80.5,45,35.5,\"total -2 超时, 扣分\",-2", lines[1].Trim());

        var xlsx = await final.Admin.Download($"api/finals/{final.Id}/export.xlsx");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.Bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        // Criterion values are number cells: 35.5 is summable in Excel.
        Assert.Matches("<(x:)?c r=\"Q2\"( s=\"\\d+\")?( t=\"n\")?( s=\"\\d+\")?>\\s*<(x:)?v>35.5</(x:)?v>", sheet);
    }
}
