using System.Net;
using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>
/// Pages in a cluster: two real silo processes on the throwaway PostgreSQL with <c>Arena:Nodes</c> naming both. A big
/// screen and a judge's tablet load their pages from node A; A is killed; both go on through node B by themselves.
/// </summary>
public sealed class ClusterPageTests(BrowserFixture arena)
{
    [Fact]
    public async Task a_screen_and_a_tablet_loaded_from_a_killed_node_go_on_through_the_other_node()
    {
        var serviceId = "pages-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["Arena:Cluster"] = "Postgres",
            ["Arena:Storage"] = "Postgres",
            ["ConnectionStrings:Arena"] = TestPostgres.ConnectionString,
            ["Arena:ServiceId"] = serviceId,
            ["Arena:ClusterId"] = serviceId,
            // The journal key every node shares (kept out of the database).
            ["Arena:JournalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Arena:ClusterCertificate"] = TestClusterCertificate.File, // node-to-node mutual TLS
        };
        await using var a = new SiloProcess(settings: settings);
        await using var b = new SiloProcess(settings: settings);
        var nodes = $"{a.BaseAddress},{b.BaseAddress}";
        a.Settings["Arena:Nodes"] = b.Settings["Arena:Nodes"] = nodes;
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var adminA = await ArenaClient.Admin(a.BaseAddress, a.AdminKey);
        using var adminB = await ArenaClient.Admin(b.BaseAddress, b.AdminKey);
        await UntilBothActive(adminA, adminB);

        var listed = await adminA.Get("api/nodes");
        Assert.Equal([a.BaseAddress.ToString().TrimEnd('/'), b.BaseAddress.ToString().TrimEnd('/')],
            listed.Json!["nodes"]!.AsArray().Select(n => n!.GetValue<string>()));

        var builder = new FinalBuilder(judges: 3, contestants: 3).Mean();
        Assert.Equal(HttpStatusCode.Created, (await adminA.Post("api/finals", builder.ToString())).Status);
        Assert.Equal(HttpStatusCode.OK, (await adminA.Post($"api/finals/{builder.Id}/stage", new { contestant = "c1", round = "main" })).Status);
        async Task<string> Link(string role, string subject) =>
            (await adminA.Post($"api/finals/{builder.Id}/access", new { role, subject })).Json!["url"]!.GetValue<string>();

        var fromA = a.BaseAddress.ToString().TrimEnd('/');
        var screen = await arena.Device(1920, 1080, baseUrl: fromA);
        await screen.GotoAsync(await Link("screen", "hall"));
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("选手1");
        await Expect(screen.Locator("#offline")).ToBeHiddenAsync();
        var tablet = await arena.Device(800, 1280, baseUrl: fromA);
        await tablet.GotoAsync(await Link("judge", "j1"));
        await Expect(tablet.Locator("#sync")).ToContainTextAsync("已同步");

        await a.KillAsync();
        await Expect(screen.Locator("#offline")).ToBeVisibleAsync();

        // The sheet goes to B (503 while A is only suspected: the outbox tries again), and is counted once.
        for (var i = 0; i < 3; i++) await tablet.Locator(".stepper .plus").First.ClickAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "确认评分" }).ClickAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Expect(tablet.Locator("#received")).ToContainTextAsync("服务器已收到您的评分", new() { Timeout = 60_000 });
        var sheets = (await adminB.Get($"api/finals/{builder.Id}/sheets")).Json!.AsArray();
        Assert.Single(sheets, s => s!["judge"]!.GetValue<string>() == "j1" && s["state"]!.GetValue<string>() == "submitted");

        // The screen, rejoined on B, shows what happens next.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await adminB.Post($"api/finals/{builder.Id}/stage", new { contestant = "c2", round = "main" })).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "node B did not take over the final");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("选手2", new() { Timeout = 60_000 });
        await Expect(screen.Locator("#offline")).ToBeHiddenAsync();
        await Expect(tablet.Locator("#sync")).ToContainTextAsync("已同步", new() { Timeout = 30_000 });
    }

    private static async Task UntilBothActive(ArenaClient a, ArenaClient b)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await Active(a) < 2 || await Active(b) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the nodes did not form one cluster");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<int> Active(ArenaClient admin) =>
        (await admin.Get("api/cluster")).Json!["members"]!.AsArray().Count(m => m!["status"]!.GetValue<string>() == "Active");
}
