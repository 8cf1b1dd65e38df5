using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>The organiser amends a running final on the admin page: the same form, the changes shown first, a reason, saved.</summary>
public sealed class AmendPageTests(BrowserFixture arena)
{
    [Fact]
    public async Task an_amendment_shows_the_changes_and_their_effect_then_saves_with_a_reason()
    {
        var final = await arena.Create(new FinalBuilder(judges: 5, contestants: 2));
        await arena.Score(final, "c1", 100, 80, 70, 60, 50); // trimmed mean 70, mean 72
        await arena.Score(final, "c2", 71, 71, 71, 71, 71);
        var page = await arena.Device();
        await page.GotoAsync($"/admin?final={final}");
        await page.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.Locator($"tr[data-final='{final}'] button.edit").ClickAsync();
        var amend = page.Locator("#amend");
        await Expect(amend.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("编辑决赛");
        var name = page.Locator("#amend-contestants-1--name");
        await Expect(name).ToHaveValueAsync("选手2");
        await name.FillAsync("刘晓美");
        await name.PressAsync("Tab");
        await page.Locator("#amend-rounds-0--aggregation-method").SelectOptionAsync("mean");
        foreach (var drop in new[] { "dropHighest", "dropLowest" })
        {
            await page.Locator($"#amend-rounds-0--aggregation-{drop}").FillAsync("0");
            await page.Locator($"#amend-rounds-0--aggregation-{drop}").PressAsync("Tab");
        }
        await page.Locator("#amend-check").ClickAsync();

        var diff = page.Locator("#amend-diff");
        await Expect(diff.Locator("li[data-path='contestants[c2].name']")).ToContainTextAsync("选手“刘晓美” · 姓名：选手2 → 刘晓美");
        await Expect(diff.Locator("li[data-path='rounds[main].aggregation']")).ToContainTextAsync("影响分数");
        await Expect(page.Locator("#amend-preview #amend-standings tr[data-contestant=c1]")).ToContainTextAsync("2 · 70.00");
        await Expect(page.Locator("#amend-preview #amend-standings tr[data-contestant=c1]")).ToContainTextAsync("1 · 72.00 · 一等奖");

        await page.Locator("#amend-save").ClickAsync();
        await Expect(page.Locator("#amend-error")).ToContainTextAsync("请填写修改原因");
        await page.GetByLabel("修改原因").FillAsync("报名表姓名有误；评分规则按评审会决定改为平均分");
        await page.Locator("#amend-save").ClickAsync();

        await Expect(page.Locator("#amend-saved")).ToContainTextAsync("修改已保存");
        await Expect(page.Locator("#amend-saved tr[data-contestant=c1]")).ToContainTextAsync("1 · 72.00");
        var amended = (await arena.Journal(final)).Single(e => e!["type"]!.GetValue<string>() == "DefinitionAmended")!;
        Assert.Equal("报名表姓名有误；评分规则按评审会决定改为平均分", amended["data"]!["reason"]!.GetValue<string>());
        var standings = (await arena.Admin.Get($"api/finals/{final}/standings")).Json!["rows"]!.AsArray();
        Assert.Equal(("c1", 72m), (standings[0]!["contestant"]!.GetValue<string>(), standings[0]!["total"]!.GetValue<decimal>()));
        Assert.Equal("刘晓美", standings[1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_open_screen_shows_an_amended_name_without_being_reloaded()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        var final = await arena.Create(builder);
        await arena.Admin.Post($"api/finals/{final}/stage", new { contestant = "c2", round = "main" });
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        // The stage shows the name from the definition the screen holds (not from the pushed state).
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("选手2");

        var amended = await arena.Admin.Put($"api/finals/{final}", new
        {
            definition = builder.With(d => d["contestants"]![1]!["name"] = "刘晓美").Build(),
            reason = "姓名更正",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, amended.Status);

        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("刘晓美");
    }

    [Fact]
    public async Task removing_a_judge_who_has_scored_is_refused_naming_the_sheets()
    {
        var final = await arena.Create(new FinalBuilder(judges: 4, contestants: 2));
        await arena.Score(final, "c1", 80, 80, 80, 80);
        var page = await arena.Device();
        await page.GotoAsync($"/admin?final={final}");
        await page.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.Locator($"tr[data-final='{final}'] button.edit").ClickAsync();
        await page.Locator("#amend [data-path='judges[3]'] button.quiet-dark").ClickAsync();
        await page.Locator("#amend-check").ClickAsync();

        await Expect(page.Locator("#amend-orphans")).ToContainTextAsync("选手1 · 主题演讲 · 评委4 （评分表）：评委被删除");
        await Expect(page.Locator("#amend-preview")).ToHaveCountAsync(0);
    }
}
