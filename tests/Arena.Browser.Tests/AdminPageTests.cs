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
}
