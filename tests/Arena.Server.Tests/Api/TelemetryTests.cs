using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

public sealed class TelemetryTests(ServerFixture server)
{
    [Fact]
    public async Task the_server_reports_live_and_ready()
    {
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await anon.Get("health/live")).Status);
        var ready = await anon.Get("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Body);
    }

    [Fact]
    public async Task metrics_count_accepted_and_rejected_sheets_and_time_the_acknowledgement()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1));
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j1", "c1", 80)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Score("j2", "c1", 80.3m)).Status);
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.Get("metrics")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Get("metrics")).Status);
        // The Prometheus exporter caches a scrape briefly; poll until our sheet shows.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string text;
        do
        {
            text = (await server.Admin.Get("metrics")).Body;
            if (text.Contains("arena_sheets_rejected_total")) break;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        } while (DateTime.UtcNow < deadline);
        Assert.Contains("arena_sheets_accepted_total{", text);
        Assert.Contains("arena_sheets_rejected_total{", text);
        Assert.Contains("arena_sheet_ack_duration_milliseconds_bucket{", text);
    }

    [Fact]
    public async Task a_scraper_reads_metrics_with_the_configured_metrics_key_and_not_with_another()
    {
        await using var silo = new SiloProcess(settings: new Dictionary<string, string> { ["Arena:MetricsKey"] = "scrape-secret-0123456789" });
        await silo.StartAsync();
        using var scraper = new ArenaClient(silo.BaseAddress, "scrape-secret-0123456789");
        using var guesser = new ArenaClient(silo.BaseAddress, "scrape-secret-guess");
        var scraped = await scraper.Get("metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.Status);
        Assert.Contains("# TYPE", scraped.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.Get("metrics")).Status);
    }
}
