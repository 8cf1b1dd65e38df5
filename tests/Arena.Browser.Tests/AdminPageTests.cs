using Arena.Testing;

namespace Arena.Browser.Tests;

public sealed class AdminPageTests(BrowserFixture arena)
{
    private async Task<IPage> SignedInAdmin()
    {
        var page = await arena.Device();
        await page.GotoAsync("/admin");
        await page.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "新建决赛" }).WaitForAsync();
        return page;
    }

    [Fact]
    public async Task a_validation_error_is_shown_beside_the_field_it_names()
    {
        var page = await SignedInAdmin();
        await page.GetByLabel("决赛编号").FillAsync("bad-weight-" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("标题", new() { Exact = true }).FillAsync("权重错误的决赛");
        var weight = page.GetByLabel("权重");
        await weight.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建决赛" }).ClickAsync();

        var besideWeight = page.Locator("[data-path='rounds[0].weight'] + .field-error");
        await Assertions.Expect(besideWeight).ToContainTextAsync("weight greater than 0");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#created")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task the_english_switch_translates_the_page_and_is_remembered()
    {
        var page = await arena.Device();
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理员登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin sign-in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Arena · Admin")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin sign-in" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理员登录" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_device_list_shows_a_signed_in_tablet_and_revoking_it_signs_the_tablet_out_with_a_clear_message()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2));
        await arena.Link(final, "screen", "hall"); // issued, never opened
        var tablet = await arena.Open(final, "judge", "j2", 768, 1024);
        await Assertions.Expect(tablet.Locator("#sync")).ToContainTextAsync("已同步");
        var codeId = (await arena.Admin.Get($"api/finals/{final}/access")).Json!.AsArray()
            .Single(c => c!["subject"]!.GetValue<string>() == "j2" && c["state"]!.GetValue<string>() == "redeemed")!["id"]!.GetValue<string>();

        var admin = await SignedInAdmin();
        await admin.GotoAsync($"/admin?final={final}");
        var row = admin.Locator($"#devices tr[data-code='{codeId}']");
        await Assertions.Expect(row).ToContainTextAsync("已登录");
        await Assertions.Expect(row.Locator("td.code-id")).ToHaveTextAsync(codeId);
        await Assertions.Expect(admin.Locator("#devices tr[data-state=issued]")).ToHaveCountAsync(1); // the hall's screen

        // No reason, no revocation: it goes into the journal.
        await row.Locator("button.revoke").ClickAsync();
        await Assertions.Expect(admin.Locator("#device-message")).ToContainTextAsync("请先填写原因");
        await admin.Locator("#device-reason").FillAsync("平板丢失");
        await row.Locator("button.revoke").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已撤销");
        await Assertions.Expect(row).ToContainTextAsync("平板丢失");
        await Assertions.Expect(row.Locator("button.revoke")).ToHaveCountAsync(0);

        // The tablet is signed out at once and says why.
        await Assertions.Expect(tablet.Locator("form.signin .error")).ToContainTextAsync("此设备的登录码已被管理员撤销，请联系工作人员");
    }

    [Fact]
    public async Task wrong_codes_tried_for_a_final_are_shown_to_the_admin_as_a_warning()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2));
        var admin = await SignedInAdmin();
        await admin.GotoAsync($"/admin?final={final}");
        await Assertions.Expect(admin.Locator("#devices")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#sign-in-failures")).ToHaveCountAsync(0);

        using var guest = new ArenaClient(arena.Silo.BaseAddress);
        for (var i = 0; i < 3; i++)
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await guest.Post("api/auth/code", new { finalId = final, code = "GUESS00" + i })).Status);
        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator("#sign-in-failures")).ToContainTextAsync("有 3 次用错误的访问码登录本决赛");
    }

    [Fact]
    public async Task the_admin_downloads_a_backup_of_every_final_and_its_keys_from_the_page()
    {
        var admin = await SignedInAdmin();
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#backup").ClickAsync());
        Assert.Matches("^arena-backup-\\d{14}\\.zip$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"arena-page-backup-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
            Assert.Superset(new HashSet<string> { "arena.db", "journal.key", "arena-backup.json" }, zip.Entries.Select(e => e.Name).ToHashSet());
        File.Delete(path);
    }
}
