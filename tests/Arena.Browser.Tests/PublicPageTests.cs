using Arena.Testing;

namespace Arena.Browser.Tests;

/// <summary>The public live view on a phone, the big screen's QR code for it, and the broadcast overlay.</summary>
public sealed class PublicPageTests(BrowserFixture arena)
{
    private async Task<IPage> SignedInAdmin(string finalId)
    {
        var page = await arena.Device();
        await page.GotoAsync($"/admin?final={finalId}");
        await page.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("#public-view").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task a_phone_without_sign_in_follows_a_final_the_admin_made_public_until_it_is_closed()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        var phone = await arena.Device(390, 844);
        await phone.GotoAsync($"/live/{final}");
        await Show.Expect(phone.Locator("#not-public")).ToContainTextAsync("没有公开直播");

        var admin = await SignedInAdmin(final);
        await admin.Locator("#public-open").ClickAsync();
        await Show.Expect(admin.Locator("#public-link")).ToHaveAttributeAsync("href", $"{arena.BaseUrl}/live/{final}");

        await phone.ReloadAsync();
        await Show.Expect(phone.Locator("#title")).ToHaveTextAsync($"测试决赛 {final}");
        await Show.Expect(phone.Locator("#stage")).ToContainTextAsync("比赛即将开始");
        await Show.Expect(phone.Locator("#no-results")).ToBeVisibleAsync();

        using var chief = await arena.Admin.SignIn(final, "judge", "j1");
        await chief.Post($"api/finals/{final}/stage", new { contestant = "c2", round = "main" });
        await Show.Expect(phone.Locator("#on-stage-name")).ToHaveTextAsync("选手2"); // pushed, no reload
        await arena.Score(final, "c2", 80, 90);
        await Show.Expect(phone.Locator("#progress")).ToContainTextAsync("已评 2 / 3");
        await Show.Expect(phone.Locator("#reveal")).ToBeHiddenAsync(); // no judge's number before the round is complete
        using (var j3 = await arena.Admin.SignIn(final, "judge", "j3"))
            await j3.Post($"api/finals/{final}/scores", new { submissionId = "last", contestant = "c2", round = "main", score = 70 });
        await Show.Expect(phone.Locator("#round-score")).ToContainTextAsync("80.00");
        await Show.Expect(phone.Locator("#ranking thead")).ToContainTextAsync("名次");
        await Show.Expect(phone.Locator("#ranking thead")).ToContainTextAsync("总分");
        await Show.Expect(phone.Locator("#ranking tr[data-contestant='c2'] .total")).ToHaveTextAsync("80.00");
        // It fits a phone: nothing wider than the screen.
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await phone.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Show.Expect(phone.Locator("#ranking thead")).ToContainTextAsync("Rank");

        await admin.Locator("#public-close").ClickAsync();
        await Show.Expect(phone.Locator("#not-public")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_big_screen_shows_the_public_views_qr_code_between_contestants_only()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        var screen = await arena.Open(final, "screen", "hall", 1920, 1080);
        await Show.Expect(screen.Locator(".idle")).ToBeVisibleAsync();
        await Show.Expect(screen.Locator("#live-qr")).ToHaveCountAsync(0);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await arena.Admin.Post($"api/finals/{final}/public", new { @public = true })).Status);
        await Show.Expect(screen.Locator("#live-qr img")).ToBeVisibleAsync();
        await Assertions.Expect(screen.Locator("#live-qr img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await screen.Locator("#live-qr img").EvaluateAsync<int>("img => img.naturalWidth") > 0); // the server drew it

        await arena.Admin.Post($"api/finals/{final}/stage", new { contestant = "c1", round = "main" });
        await Show.Expect(screen.Locator("#live-qr")).ToHaveCountAsync(0); // a contestant on stage, not yet scored
        await arena.Score(final, "c1", 80, 90, 70);
        await Show.Expect(screen.Locator("#live-qr img")).ToBeVisibleAsync(); // revealed: between contestants again
    }

    [Fact]
    public async Task the_overlay_is_transparent_and_shows_each_layout_only_in_its_screen_mode()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        var issued = await arena.Admin.Post($"api/finals/{final}/access", new { role = "screen", subject = "overlay" });
        var code = issued.Json!["code"]!.GetValue<string>();
        var lower = await arena.Device(1920, 1080);
        await lower.GotoAsync($"/overlay/{final}?code={code}&layout=lower-third");
        Assert.Equal("rgba(0, 0, 0, 0)", await lower.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Assertions.Expect(lower).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("code=")); // redeemed, then kept out of the address

        await arena.Admin.Post($"api/finals/{final}/stage", new { contestant = "c1", round = "main" });
        await Show.Expect(lower.Locator("#lower-third")).ToContainTextAsync("选手1");
        await Show.Expect(lower.Locator("#lower-third-score")).ToHaveCountAsync(0);

        // The top three: a second source with the same code's session would need its own code (one device per code).
        var top = await arena.Device(1920, 1080);
        var second = (await arena.Admin.Post($"api/finals/{final}/access", new { role = "screen", subject = "overlay-2" })).Json!["code"]!.GetValue<string>();
        await top.GotoAsync($"/overlay/{final}?code={second}&layout=top3");
        await arena.Score(final, "c1", 80, 90, 70);
        await Show.Expect(lower.Locator("#lower-third-score")).ToHaveTextAsync("80.00"); // revealed: the round score joins the lower third
        await Show.Expect(top.Locator("#top3")).ToHaveCountAsync(0); // stage mode: the ranking source stays empty

        await arena.Admin.Post($"api/finals/{final}/screen", new { mode = "ranking" });
        await Show.Expect(top.Locator("#top3 tr[data-contestant='c1']")).ToContainTextAsync("80.00");
        await Show.Expect(lower.Locator("#lower-third")).ToHaveCountAsync(0);
    }
}
