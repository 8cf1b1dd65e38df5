using System.Text.Json.Nodes;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>A whole final run from the pages alone: admin, operator, three judges, the screen, the chief, the auditor.</summary>
public sealed class MiniFinalTests(BrowserFixture arena)
{
    private static string Definition(string id) => new JsonObject
    {
        ["id"] = id,
        ["title"] = "迷你决赛",
        ["gate"] = "on-stage",
        ["rounds"] = new JsonArray(new JsonObject
        {
            ["id"] = "speech", ["title"] = "主题演讲", ["weight"] = 1,
            ["criteria"] = new JsonArray(
                new JsonObject { ["id"] = "content", ["title"] = "内容", ["max"] = 10, ["step"] = 1 },
                new JsonObject { ["id"] = "delivery", ["title"] = "表达", ["max"] = 5, ["step"] = 0.5 }),
            ["aggregation"] = new JsonObject { ["method"] = "trimmed-mean", ["dropHighest"] = 1, ["dropLowest"] = 1 },
        }),
        ["judges"] = new JsonArray(
            new JsonObject { ["id"] = "j1", ["name"] = "王评委", ["chief"] = true },
            new JsonObject { ["id"] = "j2", ["name"] = "李评委" },
            new JsonObject { ["id"] = "j3", ["name"] = "张评委" }),
        ["contestants"] = new JsonArray(
            new JsonObject { ["id"] = "c1", ["name"] = "刘晓美", ["unit"] = "五里冲街道", ["order"] = 1 },
            new JsonObject { ["id"] = "c2", ["name"] = "陈建国", ["unit"] = "花溪区", ["order"] = 2 }),
        ["rounding"] = new JsonObject { ["decimals"] = 2, ["mode"] = "half-up" },
        ["ranking"] = new JsonObject { ["tieBreakers"] = new JsonArray() },
        ["awards"] = new JsonArray(new JsonObject { ["title"] = "一等奖", ["count"] = 1 }),
    }.ToJsonString();

    /// <summary>Enters a rubric sheet as a judge does, with the steppers: content (step 1) and delivery (step 0.5).</summary>
    private static async Task Score(IPage judge, int content, decimal delivery)
    {
        await Tap(judge, "content", content, 1);
        await Tap(judge, "delivery", delivery, 0.5m);
        await judge.GetByRole(AriaRole.Button, new() { Name = "确认评分" }).ClickAsync();
        await Expect(judge.Locator("#confirm-total")).ToHaveTextAsync((content + delivery).ToString("0.0"));
        await judge.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Expect(judge.Locator("#received")).ToContainTextAsync("服务器已收到您的评分");
    }

    private static async Task Tap(IPage judge, string criterion, decimal to, decimal step)
    {
        var row = judge.Locator($"[data-criterion={criterion}]");
        var from = decimal.TryParse(await row.Locator("output").TextContentAsync(), out var v) ? v : 0m;
        if (to == 0 && from == 0) await row.Locator(".minus").ClickAsync(); // sets an untouched item to 0
        for (var x = from; x < to; x += step) await row.Locator(".plus").ClickAsync();
        for (var x = from; x > to; x -= step) await row.Locator(".minus").ClickAsync();
    }

    [Fact]
    public async Task a_mini_final_runs_end_to_end_through_the_pages()
    {
        var id = "mini-" + Guid.NewGuid().ToString("N")[..8];

        // The organiser imports the definition on the admin page and issues every code there.
        var admin = await arena.Device();
        await admin.GotoAsync("/admin");
        await admin.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await admin.GetByText("导入 JSON 定义").ClickAsync();
        await admin.Locator("#import-json").FillAsync(Definition(id));
        await admin.GetByRole(AriaRole.Button, new() { Name = "载入表单" }).ClickAsync();
        await Expect(admin.GetByLabel("标题", new() { Exact = true })).ToHaveValueAsync("迷你决赛");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建决赛" }).ClickAsync();
        await Expect(admin.Locator("#created")).ToContainTextAsync(id);
        await admin.Locator("#issue-all").ClickAsync();
        await Expect(admin.Locator("#judge-codes a.judge-link")).ToHaveCountAsync(3);
        var judgeLinks = new Dictionary<string, string>();
        foreach (var j in new[] { "j1", "j2", "j3" })
            judgeLinks[j] = (await admin.Locator($"tr[data-judge={j}] a.judge-link").GetAttributeAsync("href"))!;
        var chiefLink = (await admin.Locator("tr[data-judge=j1] a.chief-link").GetAttributeAsync("href"))!;
        async Task<string> Issue(string role)
        {
            await admin.Locator($"button[data-role={role}]").ClickAsync();
            await Expect(admin.Locator("#last-code")).ToContainTextAsync(role);
            return (await admin.Locator("#last-code a").GetAttributeAsync("href"))!;
        }
        var screenLink = await Issue("screen");
        var operatorLink = await Issue("operator");
        var auditorLink = await Issue("auditor");

        var screen = await arena.Device(1920, 1080);
        await screen.GotoAsync(screenLink);
        var op = await arena.Device();
        await op.GotoAsync(operatorLink);
        var judges = new Dictionary<string, IPage>();
        foreach (var (j, link) in judgeLinks)
        {
            judges[j] = await arena.Device(834, 1194); // a tablet, portrait
            await judges[j].GotoAsync(link);
            await Expect(judges[j].Locator(".waiting")).ToContainTextAsync("等待主持人叫号");
        }

        // Contestant 1: called by the operator, scored by the three judges, revealed on the screen.
        await op.GetByRole(AriaRole.Button, new() { Name = "叫下一位：1 号 刘晓美" }).ClickAsync();
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("刘晓美");
        foreach (var page in judges.Values) await Expect(page.Locator("#contestant-name")).ToHaveTextAsync("刘晓美");
        await Score(judges["j1"], 5, 1m);    // 6.0, the middle: counted
        await Score(judges["j2"], 7, 1.5m);  // 8.5, the highest: dropped
        await Expect(screen.Locator(".judge.done")).ToHaveCountAsync(2);
        await Expect(screen.Locator(".sheet .score")).ToHaveCountAsync(0); // no judge's number before the round is complete
        await Score(judges["j3"], 4, 0.5m);  // 4.5, the lowest: dropped
        await Expect(screen.Locator(".judge.done")).ToHaveCountAsync(3);
        await op.Locator("button[data-mode=reveal]").ClickAsync();
        await Expect(screen.Locator("#round-score")).ToContainTextAsync("6.00");
        await Expect(screen.Locator(".sheet.dropped")).ToHaveCountAsync(2);
        foreach (var dropped in await screen.Locator(".sheet.dropped").AllAsync())
            await Expect(dropped).ToHaveCSSAsync("text-decoration-line", "line-through");
        await Expect(screen.Locator(".sheet.dropped[data-judge=j2] .score")).ToHaveTextAsync("8.5");
        await Expect(screen.Locator(".sheet:not(.dropped)")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("王评委\\s*6"));
        await Shoot(screen, "screen-reveal");
        await Shoot(judges["j1"], "judge-received");

        // Contestant 2: j3 slips (2.0); the ranking shows contestant 1 ahead.
        await op.GetByRole(AriaRole.Button, new() { Name = "叫下一位：2 号 陈建国" }).ClickAsync();
        foreach (var page in judges.Values) await Expect(page.Locator("#contestant-name")).ToHaveTextAsync("陈建国");
        await Shoot(judges["j2"], "judge-entry");
        await Score(judges["j1"], 5, 0m);
        await Score(judges["j2"], 8, 1m);
        await Score(judges["j3"], 2, 0m);
        await op.Locator("button[data-mode=ranking]").ClickAsync();
        await Expect(screen.Locator("#ranking tr[data-contestant]")).ToHaveCountAsync(2);
        await Expect(screen.Locator("#ranking tr[data-contestant]").First).ToContainTextAsync("刘晓美");
        await Expect(screen.Locator("#ranking tr[data-contestant]").Nth(1)).ToContainTextAsync("5.00");
        await Expect(screen.Locator("#status")).ToHaveTextAsync("暂定成绩");

        // The chief judge reopens j3's sheet; j3 corrects it; contestant 2 moves up.
        // The chief judge's page opens on the chief's own tablet (a code signs in one device): a second tab of j1's browser.
        var chief = await judges["j1"].Context.NewPageAsync();
        await chief.GotoAsync(chiefLink);
        await chief.Locator("tr[data-contestant=c2] td[data-judge=j3] button").ClickAsync();
        await chief.GetByLabel("原因").FillAsync("录入错误，评委确认应为 10 分");
        await chief.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(chief.Locator("tr[data-contestant=c2] td[data-judge=j3]")).ToHaveTextAsync("已退回");
        var j3 = judges["j3"];
        await Expect(j3.Locator("#reopened")).ToContainTextAsync("录入错误");
        await Expect(j3.Locator("[data-criterion=content] output")).ToHaveTextAsync("2"); // starts from what was sent
        await Score(j3, 9, 1m);
        await Expect(screen.Locator("#ranking tr[data-contestant]").First).ToContainTextAsync("陈建国");
        await Expect(screen.Locator("#ranking tr[data-contestant]").First).ToContainTextAsync("9.00");
        await Expect(screen.Locator("#ranking tr[data-contestant=c2] .move")).ToHaveTextAsync("▲");
        await Expect(screen.Locator("#ranking tr[data-contestant=c1] .move")).ToHaveTextAsync("▼");
        await Expect(chief.Locator("tr[data-contestant=c2] td[data-judge=j3]")).ToHaveTextAsync("10");
        await Shoot(screen, "screen-ranking");
        await Shoot(chief, "chief");

        // The auditor reviews: the journal, a verified chain, and the slider back to before the correction.
        var review = await arena.Device();
        await review.GotoAsync(auditorLink);
        await Expect(review.Locator("#verify .pill")).ToContainTextAsync("通过");
        // The judges' consistency, computed by the server: a line per judge, and the panel's agreement. j1 puts
        // 刘晓美 first, j2 and j3 陈建国: rank sums 5 and 4, S = 0.5, W = 12·0.5 / (3²·(2³−2)) = 0.111.
        await Expect(review.Locator("#judge-figures tr[data-judge]")).ToHaveCountAsync(3);
        await Expect(review.Locator("#panel-concordance .kendall")).ToHaveTextAsync("0.111");
        // created, 2 calls, 6 sheets, 3 screen modes (reveal, back to the stage with the next call, ranking), reopen,
        // correction, and a seal after each of the 3 completions
        var types = (await arena.Journal(id)).Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.True(types.Count(t => t == "ScreenModeChanged") == 3 && types.Count(t => t == "StreamsSealed") == 3, string.Join(", ", types));
        // … and the codes the admin issued (AccessIssued, no secrets), all before the first call.
        var issued = types.Count(t => t == "AccessIssued");
        Assert.True(issued >= 5 && types.IndexOf("ContestantCalled") > types.LastIndexOf("AccessIssued"), string.Join(", ", types));
        await Expect(review.Locator("#journal li")).ToHaveCountAsync(1 + 2 + 6 + 3 + 1 + 1 + 3 + issued);
        await Expect(review.Locator("#journal li").Filter(new() { HasText = "记录封存" })).ToHaveCountAsync(3);
        await Expect(review.Locator("#digest code").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Expect(review.Locator("#journal")).ToContainTextAsync("录入错误");
        await Expect(review.Locator("#standings tr").Nth(1)).ToContainTextAsync("陈建国");
        var slider = review.Locator("#timeline");
        await slider.FocusAsync();
        // Back from the last seal: the correction, the reopening, the ranking shown, the seal of c2, j3's slip.
        for (var i = 0; i < 5; i++) await slider.PressAsync("ArrowLeft");
        await Expect(review.Locator("#at-event")).ToContainTextAsync("张评委 为 陈建国 评分 2");
        await Expect(review.Locator("#standings tr").Nth(1)).ToContainTextAsync("刘晓美");
        await Expect(review.Locator("#standings tr[data-contestant=c2]")).ToContainTextAsync("5.00");
        await Shoot(review, "review");
        // The auditor downloads the signed bundle and checks it with the silo's offline verifier.
        var download = await review.RunAndWaitForDownloadAsync(() => review.Locator("#bundle").ClickAsync());
        var bundle = Path.Combine(Path.GetTempPath(), $"arena-review-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(bundle);
        var (code, output) = await Arena.Testing.SiloProcess.Command("verify", bundle);
        File.Delete(bundle);
        Assert.True(code == 0, output);
        // The 公示 result sheet is linked too: a PDF, named for the final.
        var sheet = await review.RunAndWaitForDownloadAsync(() => review.Locator("#result-sheet").ClickAsync());
        Assert.Equal($"{id}-result-sheet.pdf", sheet.SuggestedFilename);
        await using (var pdf = await sheet.CreateReadStreamAsync())
        {
            var head = new byte[5];
            await pdf.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }
        await slider.PressAsync("End");
        await Expect(review.Locator("#standings tr").Nth(1)).ToContainTextAsync("陈建国");

        var sheets = await arena.Sheets(id);
        Assert.Single(sheets, s => s!["contestant"]!.GetValue<string>() == "c2" && s["judge"]!.GetValue<string>() == "j3" && s["state"]!.GetValue<string>() == "submitted");
    }

    /// <summary>
    /// Every run saves its screenshots beside the test binaries (screenshots/); with ARENA_SCREENSHOTS naming a folder,
    /// there too (`ARENA_SCREENSHOTS=$PWD/docs/screenshots` refreshes the pictures of the README).
    /// </summary>
    private static async Task Shoot(IPage page, string name)
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("ARENA_SCREENSHOTS") is { Length: > 0 } extra) folders.Add(extra);
        var png = await page.ScreenshotAsync();
        foreach (var dir in folders)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".png"), png);
        }
    }
}
