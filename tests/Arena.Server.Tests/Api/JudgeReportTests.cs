using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary><c>GET /api/finals/{id}/report/judges</c>: the judge-consistency figures over HTTP, who may read them, and the Excel sheet.</summary>
public sealed class JudgeReportTests(ServerFixture server)
{
    // The hand-worked example of the scoring tests (JudgeConsistencyTests): three judges, four contestants, a mean.
    private async Task<TestFinal> Scored()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 4).Mean());
        foreach (var (contestant, scores) in new[] { ("c1", new[] { 9m, 8, 9 }), ("c2", [7m, 7, 8]), ("c3", [8m, 6, 5]), ("c4", [5m, 9, 6]) })
            for (var j = 0; j < 3; j++) Assert.Equal(HttpStatusCode.OK, (await final.Score($"j{j + 1}", contestant, scores[j])).Status);
        return final;
    }

    [Fact]
    public async Task the_report_gives_each_judges_deviation_rank_correlation_and_the_panels_kendalls_w_with_names()
    {
        var final = await Scored();
        var report = await Read(final.Admin, final.Id);
        Assert.False(report["published"]!.GetValue<bool>());
        var j1 = report["judges"]!.AsArray().Single(j => j!["judge"]!.GetValue<string>() == "j1")!;
        Assert.Equal("评委1", j1["name"]!.GetValue<string>());
        Assert.Equal(4, j1["sheets"]!.GetValue<int>());
        Assert.Equal(0.25m, j1["meanDeviation"]!.GetValue<decimal>());
        Assert.Equal(1.09m, j1["deviationSd"]!.GetValue<decimal>());
        Assert.Equal(0.4m, j1["spearman"]!.GetValue<decimal>());
        Assert.Equal(0, j1["dropped"]!.GetValue<int>());
        var panel = Assert.Single(report["panels"]!.AsArray())!;
        Assert.Equal(0.422m, panel["kendallW"]!.GetValue<decimal>());
        Assert.Equal(10m, report["thresholds"]!["points"]!.GetValue<decimal>());

        // The chief page's thresholds, as it would pass them: j1's 8 for c3 (median 6) and j2's 9 for c4 are flagged.
        var strict = await Read(final.Admin, final.Id, "?points=1.5&sds=0");
        Assert.Equal("选手3", strict["judges"]!.AsArray().Single(j => j!["judge"]!.GetValue<string>() == "j1")!["outliers"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_admin_auditors_and_the_chief_read_it_other_judges_and_screens_may_not()
    {
        var final = await Scored();
        using var auditor = await final.Admin.SignIn(final.Id, "auditor", "office");
        using var screen = await final.Admin.SignIn(final.Id, "screen", "hall");
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        var path = $"api/finals/{final.Id}/report/judges";
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Get(path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Get(path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.Get(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Get(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await final.Admin.Get("api/finals/no-such-final/report/judges")).Status);
        var bad = await final.Admin.Get(path + "?points=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("points", bad.Body);
    }

    [Fact]
    public async Task the_excel_export_has_a_sheet_of_the_judges_figures_and_one_of_the_panels_agreement()
    {
        var final = await Scored();
        var xlsx = await final.Admin.Download($"api/finals/{final.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.Bytes));
        string Part(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return System.Net.WebUtility.HtmlDecode(r.ReadToEnd()); }
        var workbook = Part("xl/workbook.xml");
        foreach (var sheet in new[] { "results", "judges", "concordance" }) Assert.Contains($"name=\"{sheet}\"", workbook);
        var strings = zip.GetEntry("xl/sharedStrings.xml") is null ? "" : Part("xl/sharedStrings.xml");
        var judges = Part("xl/worksheets/sheet2.xml") + strings;
        Assert.Contains("meanDeviation", judges);
        Assert.Contains("评委1", judges);
        Assert.Contains("<v>0.422</v>", Part("xl/worksheets/sheet3.xml").Replace("x:v", "v"));
    }

    private static async Task<JsonNode> Read(ArenaClient client, string final, string query = "")
    {
        var r = await client.Get($"api/finals/{final}/report/judges{query}");
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return r.Json!;
    }
}
