using Arena.Testing;

namespace Arena.Browser.Tests;

/// <summary>
/// The audience vote as the hall lives it: the admin issues and prints the tickets, the operator opens the vote for the
/// contestant on stage, the big screen shows the vote's QR code and the live count, a phone scans a ticket and votes,
/// a mistyped code is refused in Chinese, and the closed vote shows its exact count.
/// </summary>
public sealed class AudienceVotePageTests(BrowserFixture arena)
{
    [Fact]
    public async Task tickets_printed_by_the_admin_vote_once_on_a_phone_while_the_screen_counts()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean().Audience());
        var admin = await arena.Device();
        await admin.GotoAsync($"/admin?final={final}");
        await admin.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Show.Expect(admin.Locator("#tickets-issued")).ToContainTextAsync("已发放 0 张票");
        await admin.Locator("#ticket-count").FillAsync("6");
        await admin.Locator("#issue-tickets").ClickAsync();
        await Show.Expect(admin.Locator("#tickets-issued")).ToContainTextAsync("已发放 6 张票");
        await Show.Expect(admin.Locator("#print-tickets")).ToHaveAttributeAsync("href", $"/tickets/{final}");

        // The sheet: the admin's session on the same browser, one card per ticket with a QR code the server drew.
        await admin.GotoAsync($"/tickets/{final}");
        await Show.Expect(admin.Locator(".ticket-card")).ToHaveCountAsync(6);
        var first = admin.Locator(".ticket-card[data-number='1']");
        await Assertions.Expect(first.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await first.Locator("img").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        var code = (await first.Locator(".ticket-code").TextContentAsync())!.Trim();
        var codes = (await arena.Admin.Get($"api/finals/{final}/tickets")).Json!["tickets"]!.AsArray();
        Assert.Equal(codes[0]!["code"]!.GetValue<string>(), code);

        var screen = await arena.Open(final, "screen", "hall", 1920, 1080);
        var op = await arena.Open(final, "operator", "emcee");
        await Show.Expect(op.Locator("#on-stage")).ToContainTextAsync("暂无选手上台");
        await op.Locator("#order tr[data-contestant='c1'] button").ClickAsync();
        await op.Locator("#vote-open").ClickAsync();
        await Show.Expect(op.Locator("#vote-state")).ToContainTextAsync("投票中");
        await Show.Expect(screen.Locator("#vote-qr img")).ToBeVisibleAsync();
        await Assertions.Expect(screen.Locator("#vote-qr img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await screen.Locator("#vote-qr img").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await Show.Expect(screen.Locator("#vote-count")).ToHaveTextAsync("已投 0 票");

        // A phone scans ticket 1: the code rides in the address, the phone votes 支持 and is thanked; again is harmless.
        var phone = await arena.Device(390, 844);
        await phone.GotoAsync(codes[0]!["url"]!.GetValue<string>());
        await Show.Expect(phone.Locator("#who")).ToHaveTextAsync("选手1");
        await Show.Expect(phone.Locator("#ticket")).ToHaveValueAsync(code);
        await phone.Locator("#vote-for").ClickAsync();
        await Show.Expect(phone.Locator("#thanks")).ToContainTextAsync("感谢投票");
        await Show.Expect(screen.Locator("#vote-count")).ToHaveTextAsync("已投 1 票"); // pushed within about a second
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        // Another phone types a code by hand and gets it wrong: refused in Chinese, nothing counted; then the right one.
        var typed = await arena.Device(390, 844);
        await typed.GotoAsync($"/vote/{final}");
        await typed.Locator("#ticket").FillAsync("WRONG-CODE");
        await typed.Locator("#vote-against").ClickAsync();
        await Show.Expect(typed.Locator("#problem")).ToHaveTextAsync("票码无效，请核对票上的票码");
        await typed.Locator("#ticket").FillAsync(codes[1]!["code"]!.GetValue<string>().ToLowerInvariant());
        await typed.Locator("#vote-against").ClickAsync();
        await Show.Expect(typed.Locator("#thanks")).ToContainTextAsync("不支持");
        await Show.Expect(screen.Locator("#vote-count")).ToHaveTextAsync("已投 2 票");

        await op.Locator("#vote-close").ClickAsync();
        await Show.Expect(op.Locator("#vote-state")).ToContainTextAsync("已结束：2 票");
        await Show.Expect(phone.Locator("#closed")).ToHaveTextAsync("投票已结束，共 2 票"); // the phone reads it by itself
        await Show.Expect(screen.Locator("#vote-qr")).ToHaveCountAsync(0);
        var vote = (await arena.Admin.Get($"api/finals/{final}/vote")).Json!["vote"]!;
        Assert.Equal(2, vote["ballots"]!.GetValue<int>());
        Assert.Equal(50m, vote["score"]!.GetValue<decimal>()); // one 支持 of two: 50 % of 100
    }
}
