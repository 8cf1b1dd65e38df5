using System.Net;
using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>
/// The "done when" of the pages: a new user starts the server with the demo switch and no admin key, opens the printed
/// address and runs the sample final edu-2024-final to the published podium from the pages. Two judges' tablets
/// (one expert, one public) score contestant 1 in both rounds through the judge page; the other 214 sheets go
/// through the API, as the other tablets would send them.
/// </summary>
public sealed class DemoWalkthroughTests(BrowserFixture arena) : IAsyncLifetime
{
    private const string Final = "edu-2024-final";
    private readonly SiloProcess _silo = new(settings: new Dictionary<string, string> { ["Arena:Demo"] = "true" }, generatedAdminKey: true);
    private readonly Dictionary<string, string> _codes = [];
    private readonly Dictionary<string, ArenaClient> _tablets = [];
    // The judges whose tablets are pages here: their later sheets go through the API from the same device (a code
    // signs in one device), so they sign in with that page's device id.
    private readonly Dictionary<string, string> _devices = [];
    private ArenaClient? _admin;

    public async ValueTask InitializeAsync() => await _silo.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        foreach (var tablet in _tablets.Values) tablet.Dispose();
        await _silo.DisposeAsync();
    }

    private string Url => _silo.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task a_new_user_runs_the_sample_final_from_the_printed_address_to_the_podium()
    {
        // The console: the address to open and the generated admin key.
        await Eventually(() => _silo.Output.Contains("Admin key:"));
        Assert.Contains($"Open {Url}/ in a browser", _silo.Output);
        var key = _silo.AdminKey;

        // The home page says where to start; the admin page opens the only final and issues every code at once.
        var admin = await arena.Device(baseUrl: Url);
        await admin.GotoAsync("/");
        await Expect(admin.Locator("#start")).ToContainTextAsync("admin.key");
        await admin.GetByRole(AriaRole.Link, new() { Name = "进入管理页" }).ClickAsync();
        await admin.GetByLabel("管理员密钥").FillAsync(key);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(admin.Locator("#codes h2")).ToContainTextAsync("擂台比武");
        await admin.Locator("#issue-all").ClickAsync();
        await Expect(admin.Locator("#judge-codes a.judge-link")).ToHaveCountAsync(9);
        await Expect(admin.Locator("#issue-all")).ToBeDisabledAsync();
        foreach (var j in Enumerable.Range(1, 9).Select(i => $"j{i}"))
            _codes[j] = (await admin.Locator($"tr[data-judge={j}] td.code").TextContentAsync())!;
        async Task<IPage> OpenDevice(string row, int width, int height)
        {
            var page = await arena.Device(width, height, baseUrl: Url);
            await page.GotoAsync((await admin.Locator($"{row} a.button").GetAttributeAsync("href"))!);
            return page;
        }
        var screen = await OpenDevice("#other-codes tr[data-role=screen]", 1920, 1080);
        var op = await OpenDevice("#other-codes tr[data-role=operator]", 1280, 800);
        var chief = await OpenDevice("#other-codes tr[data-role=chief]", 1280, 800);
        // 王评委, experts panel, chief judge: a code signs in one device, so the chief's judge page is a second tab of
        // the same device as the chief's page (another device would be refused until the admin released the code).
        var expert = await chief.Context.NewPageAsync();
        await expert.SetViewportSizeAsync(768, 1024);
        await expert.GotoAsync((await admin.Locator("tr[data-judge=j1] a.button").GetAttributeAsync("href"))!);
        var publicJudge = await OpenDevice("tr[data-judge=j7]", 1024, 768); // 赵评委, public panel
        await Expect(expert.Locator("#sync")).ToContainTextAsync("已同步");
        await Expect(publicJudge.Locator("#sync")).ToContainTextAsync("已同步");
        _devices["j1"] = await expert.EvaluateAsync<string>("localStorage.getItem('arena.device')");
        _devices["j7"] = await publicJudge.EvaluateAsync<string>("localStorage.getItem('arena.device')");
        _admin = await ArenaClient.Admin(_silo.BaseAddress, key);

        // Round speech, contestant 1: the operator calls; two tablets score on the page, the rest by the API.
        await op.GetByRole(AriaRole.Button, new() { Name = "叫下一位：1 号 刘晓美" }).ClickAsync();
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("刘晓美");
        await Rubric(expert, 36.5m, 27m, 28m);
        await Rubric(publicJudge, 30m, 25.5m, 26m);
        await Expect(op.Locator("#scored li[data-judge=j1]")).ToHaveTextAsync("✓ 王评委");
        await Expect(op.Locator("#scored li[data-judge=j2]")).ToHaveTextAsync("… 李评委");
        await Judges("c1", "speech", except: ["j1", "j7"]);
        await Expect(op.Locator("#scored li.done")).ToHaveCountAsync(9);
        await op.Locator("button[data-mode=reveal]").ClickAsync();
        await Expect(screen.Locator(".sheet")).ToHaveCountAsync(9);
        await Expect(screen.Locator("#round-score")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(screen.Locator(".sheet.dropped")).ToHaveCountAsync(2);

        // The rest of the speech round by the API; the operator's next call moves on to the qa round.
        foreach (var c in Enumerable.Range(2, 11).Select(i => $"c{i}")) { await Stage(c, "speech"); await Judges(c, "speech"); }
        await op.GetByRole(AriaRole.Button, new() { Name = "进入下一轮（现场答题）：1 号 刘晓美" }).ClickAsync();
        await Expect(expert.Locator("#contestant-name")).ToHaveTextAsync("刘晓美");
        await Expect(expert.Locator(".round")).ToHaveTextAsync("现场答题");

        // The panels round: one score from 0 to 100 in steps of 0.01, typed; an off-step value is refused, not rounded.
        var typed = expert.Locator("[data-criterion=_score] input.typed");
        await typed.FillAsync("87.355");
        await typed.PressAsync("Enter");
        await Expect(expert.Locator("[data-criterion=_score] .error")).ToContainTextAsync("步长为 0.01");
        await Expect(expert.Locator("#running-total")).ToHaveTextAsync("—");
        await Single(expert, "87.35");
        await Single(publicJudge, "92.5");
        await Judges("c1", "qa", except: ["j1", "j7"]);
        foreach (var c in Enumerable.Range(2, 11).Select(i => $"c{i}")) { await Stage(c, "qa"); await Judges(c, "qa"); }
        var sheets = (await _admin.Get($"api/finals/{Final}/sheets")).Json!.AsArray();
        Assert.Equal(12 * 2 * 9 - 2, sheets.Count(s => s!["state"]!.GetValue<string>() == "submitted")); // j2 is recused for c3

        // The chief judge publishes; the operator shows the podium.
        await Expect(chief.Locator("#standings .pill.warn")).ToHaveCountAsync(0);
        await chief.Locator("#publish").ClickAsync();
        await chief.Locator("#confirm-action").ClickAsync();
        await Expect(chief.Locator("#published")).ToBeVisibleAsync();
        await op.Locator("button[data-mode=podium]").ClickAsync();
        await Expect(screen.Locator("#status")).ToHaveTextAsync("最终结果");
        await Expect(screen.Locator(".podium .step")).ToHaveCountAsync(3);
        await Expect(screen.Locator("#awards .tier")).ToHaveCountAsync(3);
        await Expect(screen.Locator("#awards .tier").Nth(1).Locator(".winner")).ToHaveCountAsync(3);
        var standings = (await _admin.Get($"api/finals/{Final}/standings")).Json!;
        Assert.True(standings["published"]!.GetValue<bool>());
        var first = standings["rows"]!.AsArray()[0]!["name"]!.GetValue<string>();
        await Expect(screen.Locator(".podium .step-1 .name")).ToHaveTextAsync(first);
    }

    /// <summary>A rubric sheet typed on the judge page: content, delivery, effect; confirmed, submitted, received.</summary>
    private static async Task Rubric(IPage judge, decimal content, decimal delivery, decimal effect)
    {
        foreach (var (criterion, value) in new[] { ("content", content), ("delivery", delivery), ("effect", effect) })
        {
            var input = judge.Locator($"[data-criterion={criterion}] input.typed");
            await input.FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await input.PressAsync("Enter");
            await Expect(judge.Locator($"[data-criterion={criterion}] output")).ToHaveTextAsync(value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }
        await Send(judge, (content + delivery + effect).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task Single(IPage judge, string score)
    {
        var input = judge.Locator("[data-criterion=_score] input.typed");
        await input.FillAsync(score);
        await input.PressAsync("Enter");
        await Send(judge, decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task Send(IPage judge, string total)
    {
        await judge.GetByRole(AriaRole.Button, new() { Name = "确认评分" }).ClickAsync();
        await Expect(judge.Locator("#confirm-total")).ToHaveTextAsync(total);
        await judge.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Expect(judge.Locator("#received")).ToContainTextAsync("服务器已收到您的评分");
    }

    private async Task Stage(string contestant, string round)
    {
        var r = await _admin!.Post($"api/finals/{Final}/stage", new { contestant, round });
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
    }

    /// <summary>The other tablets: each judge signs in with the code the admin page issued and submits a sheet.</summary>
    private async Task Judges(string contestant, string round, string[]? except = null)
    {
        var c = int.Parse(contestant[1..]);
        foreach (var (judge, code) in _codes.Where(x => except?.Contains(x.Key) != true))
        {
            if (judge == "j2" && contestant == "c3") continue; // recused
            var j = int.Parse(judge[1..]);
            if (!_tablets.TryGetValue(judge, out var tablet)) _tablets[judge] = tablet = await Redeem(code, _devices.GetValueOrDefault(judge));
            object sheet = round == "speech"
                ? new { submissionId = $"{judge}-{contestant}-{round}", contestant, round,
                    criteria = new { content = 28 + (c * 7 + j * 3) % 20 * 0.5m, delivery = 20 + (c * 5 + j) % 16 * 0.5m, effect = 20 + (c + j * 3) % 16 * 0.5m } }
                : new { submissionId = $"{judge}-{contestant}-{round}", contestant, round, score = 70 + (c * 13 + j * 7) % 300 * 0.07m };
            var r = await tablet.Post($"api/finals/{Final}/scores", sheet);
            Assert.True(r.Status == HttpStatusCode.OK, $"{judge} {contestant} {round}: {r}");
        }
    }

    private async Task<ArenaClient> Redeem(string code, string? device)
    {
        using var anon = new ArenaClient(_silo.BaseAddress);
        var r = await anon.Post("api/auth/code", new { finalId = Final, code, device });
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return new ArenaClient(_silo.BaseAddress, r.Json!["token"]!.GetValue<string>());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition());
    }
}
