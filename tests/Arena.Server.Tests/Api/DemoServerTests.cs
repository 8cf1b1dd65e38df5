using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>A server started with the demo switch and a low sign-in limit, as an organiser might run it.</summary>
public sealed class DemoServerTests : IAsyncLifetime
{
    private readonly SiloProcess _silo = new(settings: new Dictionary<string, string> { ["Arena:Demo"] = "true" });

    public async ValueTask InitializeAsync()
    {
        await _silo.StartAsync(authRateLimit: 5);
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task the_demo_switch_loads_the_sample_final_and_sign_ins_are_rate_limited()
    {
        using var admin = await ArenaClient.Admin(_silo.BaseAddress, _silo.AdminKey);
        var finals = await admin.Get("api/finals");
        var sample = finals.Json!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "edu-2024-final")!;
        Assert.Contains("擂台比武", sample["title"]!.GetValue<string>());
        var definition = (await admin.Get("api/finals/edu-2024-final")).Json!["definition"]!;
        Assert.Equal(9, definition["judges"]!.AsArray().Count);
        Assert.Equal(12, definition["contestants"]!.AsArray().Count);

        using var anon = new ArenaClient(_silo.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await anon.Post("api/auth/code", new { finalId = "edu-2024-final", code = "WRONG" + i })).Status);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var limited = await anon.Post("api/auth/admin", new { key = _silo.AdminKey });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("application/problem+json", limited.MediaType);
    }

    [Fact]
    public async Task an_oversized_body_is_refused_with_413()
    {
        using var admin = await ArenaClient.Admin(_silo.BaseAddress, _silo.AdminKey);
        var huge = "{\"id\":\"x\",\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var r = await admin.Post("api/finals", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.Status);
        Assert.DoesNotContain("   at ", r.Body);
    }
}
