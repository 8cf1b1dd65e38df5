namespace Arena.Browser.Tests;

/// <summary>The Orleans dashboard at /dashboard: the admin opens it from the admin page; nobody else gets in.</summary>
public sealed class DashboardPageTests(BrowserFixture arena)
{
    [Fact]
    public async Task the_admin_opens_the_orleans_dashboard_from_the_admin_page_and_a_stranger_is_sent_to_sign_in()
    {
        var admin = await arena.Device();
        await admin.GotoAsync("/admin");
        await admin.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        var session = admin.WaitForResponseAsync(r => r.Url.EndsWith("/api/auth/browser-session") && r.Request.Method == "POST");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "新建决赛" }).WaitForAsync();
        Assert.Equal(204, (await session).Status);

        var dashboard = await admin.Context.RunAndWaitForPageAsync(() => admin.Locator("#dashboard-link").ClickAsync());
        await dashboard.WaitForLoadStateAsync();
        Assert.EndsWith("/dashboard/", dashboard.Url);
        // The dashboard's own script has drawn the cluster: this one silo, and the grains Arena runs on it.
        await Assertions.Expect(dashboard.GetByRole(AriaRole.Heading, new() { Name = "Orleans Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.Locator("body")).ToContainTextAsync("Active Silos", new() { Timeout = 20_000 });

        var stranger = await arena.Device();
        var refused = await stranger.GotoAsync("/dashboard/");
        Assert.Equal(401, refused!.Status);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Link, new() { Name = "管理页" })).ToBeVisibleAsync();
        Assert.Equal(401, (await stranger.APIRequest.GetAsync("/dashboard/DashboardCounters")).Status);

        // Signing out takes the cookie away: the dashboard is closed to this browser again.
        await admin.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "管理员登录" }).WaitForAsync();
        Assert.Equal(401, (await dashboard.ReloadAsync())!.Status);
    }
}
