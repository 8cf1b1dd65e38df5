using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;
using UglyToad.PdfPig;

namespace Arena.Server.Tests.Api;

/// <summary>
/// The printed records read back as a person would read them: the PDF opened by another library (PdfPig) and its text
/// searched for what the sheet must say — contestants, every judge's criteria and totals, adjustments, the digest the
/// offline verifier prints, the signature lines, page numbers on every page.
/// </summary>
public sealed class ResultSheetTests(ServerFixture server)
{
    // Two criteria, three judges, the highest and the lowest sheet dropped: c1 keeps j3's 80 (j1's 88 and j2's 70
    // dropped), c2 keeps j2's 60 and loses 2 points for running over time.
    private static readonly (string Judge, string Contestant, decimal Content, decimal Delivery)[] Sheets =
    [
        ("j1", "c1", 50, 38), ("j2", "c1", 40, 30), ("j3", "c1", 45, 35),
        ("j1", "c2", 30, 20), ("j2", "c2", 35, 25), ("j3", "c2", 40, 30.5m),
    ];

    private async Task<TestFinal> ScoredFinal(bool publish)
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).With(f =>
        {
            var round = f["rounds"]![0]!.AsObject();
            round.Remove("max");
            round.Remove("step");
            round["criteria"] = JsonNode.Parse("""[{"id":"content","title":"内容","max":60,"step":0.5},{"id":"delivery","title":"表达","max":40,"step":0.5}]""");
        }));
        foreach (var (judge, contestant, content, delivery) in Sheets)
        {
            var r = await final.Judges[judge].Post($"api/finals/{final.Id}/scores",
                new { submissionId = Guid.NewGuid().ToString(), contestant, round = "main", criteria = new { content, delivery } });
            Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        }
        var adjusted = await final.Chief.Post($"api/finals/{final.Id}/adjustments", new { contestant = "c2", points = -2, reason = "超时扣分" });
        Assert.True(adjusted.Status == HttpStatusCode.OK, adjusted.ToString());
        if (publish) Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        return final;
    }

    private static async Task<IReadOnlyList<string>> Pdf(ArenaClient client, string path)
    {
        var pdf = await client.Download(path);
        Assert.True(pdf.Status == HttpStatusCode.OK, pdf.ToString());
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 5));
        using var document = PdfDocument.Open(pdf.Bytes);
        Assert.All(document.GetPages(), p => Assert.Equal((595, 842), ((int)p.Width, (int)p.Height))); // A4 in points
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>What <c>Arena.Silo verify FILE</c> prints for the final's bundle, line by line, as "digest:" → value.</summary>
    private static async Task<Dictionary<string, string>> OfflineVerifier(TestFinal final)
    {
        var bundle = await final.Admin.Download($"api/finals/{final.Id}/bundle");
        var file = Path.Combine(Path.GetTempPath(), $"arena-bundle-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, bundle.Bytes, TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await SiloProcess.Command("verify", file);
            Assert.True(code == 0, output);
            return output.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task the_published_result_sheet_holds_the_scores_the_published_digest_and_the_signature_lines_in_chinese()
    {
        var final = await ScoredFinal(publish: true);
        var pages = await Pdf(final.Admin, $"api/finals/{final.Id}/result-sheet.pdf");
        var text = string.Concat(pages);
        var verifier = await OfflineVerifier(final);

        Assert.Contains("成绩公示表", text);
        Assert.Contains("测试决赛 " + final.Id, text);
        Assert.Contains("去掉 1 个最高分、1 个最低分后取平均", text); // the rules paragraph
        foreach (var name in new[] { "选手1", "选手2", "评委1", "评委2", "评委3" }) Assert.Contains(name, text);
        Assert.Contains("80.00", text); // c1's total
        Assert.Contains("58.00", text); // c2's total after the penalty
        Assert.Contains("70.5", text);  // j3's sheet of c2: a criterion with a half point
        Assert.Contains("超时扣分", text);
        Assert.Contains("−2", text);
        Assert.Contains("一等奖", text);
        Assert.Contains("去掉", text);

        Assert.Contains("发布时日志摘要", text);
        Assert.DoesNotContain("当前日志摘要", text);
        Assert.All(pages, p => Assert.Contains(verifier["published"], p)); // the digest on every page
        Assert.Contains("签名密钥 " + verifier["key"].Split(' ')[0], text); // "key: 3f2a… (ES256)"
        foreach (var line in new[] { "评委签名", "监督签名", "主裁判签名" }) Assert.Contains(line, text);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"第 {i + 1} 页 / 共 {pages.Count} 页", pages[i]);

        // The annex: the judge-consistency figures of the same snapshot. Medians c1 80, c2 60: j3's deviations 0 and
        // +10.5 (mean 5.25); the three judges order the two contestants alike, so Kendall's W is 1.
        var annex = pages[^1];
        Assert.Contains("附：评委评分一致性", annex);
        Assert.Contains("肯德尔和谐系数", annex);
        Assert.Contains("5.25", annex);
    }

    [Fact]
    public async Task before_publication_the_sheet_prints_the_current_digest_labelled_unpublished()
    {
        var final = await ScoredFinal(publish: false);
        var text = string.Concat(await Pdf(final.Admin, $"api/finals/{final.Id}/result-sheet.pdf"));
        var verifier = await OfflineVerifier(final);
        Assert.Equal("(not published)", verifier["published"]);
        Assert.Contains("当前日志摘要（未发布）", text);
        Assert.Contains(verifier["digest"], text);
        Assert.Contains("尚未发布", text);
    }

    [Fact]
    public async Task with_lang_en_the_sheet_is_in_english()
    {
        var final = await ScoredFinal(publish: true);
        var pages = await Pdf(final.Admin, $"api/finals/{final.Id}/result-sheet.pdf?lang=en");
        var text = string.Concat(pages);
        foreach (var words in new[] { "Result sheet", "Scoring rules", "Journal digest at publication", "Signing key", "Supervisor", "Chief judge", "Judges", "reason: 超时扣分" })
            Assert.Contains(words, text);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        Assert.DoesNotContain("监督签名", text);
        Assert.DoesNotContain("第 1 页", text);
    }

    [Fact]
    public async Task the_judge_sheets_have_one_page_per_judge_with_their_own_sheets()
    {
        var final = await ScoredFinal(publish: true);
        var pages = await Pdf(final.Admin, $"api/finals/{final.Id}/judge-sheets.pdf");
        Assert.Equal(3, pages.Count);
        for (var i = 1; i <= 3; i++)
        {
            var page = pages[i - 1];
            Assert.Contains($"评委评分表　评委{i}", page);
            Assert.Contains($"评委签名（评委{i}）", page);
            Assert.Contains($"第 {i} 页 / 共 3 页", page);
            foreach (var (judge, _, content, delivery) in Sheets.Where(s => s.Judge == $"j{i}"))
                Assert.Contains((content + delivery).ToString(System.Globalization.CultureInfo.InvariantCulture), page);
        }
        Assert.DoesNotContain("评委2", pages[0]);
        Assert.Contains("70.5", pages[2]); // j3's sheet of c2
        Assert.DoesNotContain("70.5", pages[1]);
    }

    [Fact]
    public async Task only_auditors_and_the_admin_print_and_an_unknown_final_is_404()
    {
        var final = await ScoredFinal(publish: false);
        using var anonymous = new ArenaClient(final.Admin.BaseAddress);
        using var auditor = await final.Admin.SignIn(final.Id, "auditor", "auditor");
        foreach (var pdf in new[] { "result-sheet.pdf", "judge-sheets.pdf" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Download($"api/finals/{final.Id}/{pdf}")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Download($"api/finals/{final.Id}/{pdf}")).Status);
            Assert.Equal(HttpStatusCode.OK, (await auditor.Download($"api/finals/{final.Id}/{pdf}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await final.Admin.Download($"api/finals/no-such-final/{pdf}")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Download($"api/finals/{final.Id}/{pdf}")).Status);
        }
    }
}
