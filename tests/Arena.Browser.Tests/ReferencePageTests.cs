namespace Arena.Browser.Tests;

/// <summary>The interactive API reference (Scalar) at /reference: from this server alone, for the signed-in admin.</summary>
public sealed class ReferencePageTests(BrowserFixture arena)
{
    [Fact]
    public async Task the_admin_reads_the_api_reference_served_by_this_server_alone_and_a_stranger_cannot()
    {
        var admin = await arena.Device();
        var elsewhere = new List<string>();
        admin.Request += (_, r) => { if (!r.Url.StartsWith(arena.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(r.Url); };
        await admin.GotoAsync("/admin");
        await admin.GetByLabel("管理员密钥").FillAsync(arena.Silo.AdminKey);
        var session = admin.WaitForResponseAsync(r => r.Url.EndsWith("/api/auth/browser-session") && r.Request.Method == "POST");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal(204, (await session).Status);

        var reference = await admin.Context.RunAndWaitForPageAsync(() => admin.Locator("#reference-link").ClickAsync());
        reference.Request += (_, r) => { if (!r.Url.StartsWith(arena.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(r.Url); };
        // Scalar has read /openapi/v1.json and lists Arena's operations.
        await Assertions.Expect(reference.Locator("body")).ToContainTextAsync("Arena", new() { Timeout = 30_000 });
        await Assertions.Expect(reference.Locator("body")).ToContainTextAsync("/api/auth/admin", new() { Timeout = 30_000 });
        Assert.Empty(elsewhere);

        var stranger = await arena.Device();
        Assert.Equal(401, (await stranger.GotoAsync("/reference/"))!.Status);
    }
}
