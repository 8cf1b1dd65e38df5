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
        // The Prometheus exporter caches a scrape briefly; poll until our sheet shows.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string text;
        do
        {
            text = (await anon.Get("metrics")).Body;
            if (text.Contains("arena_sheets_rejected_total")) break;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        } while (DateTime.UtcNow < deadline);
        Assert.Contains("arena_sheets_accepted_total{", text);
        Assert.Contains("arena_sheets_rejected_total{", text);
        Assert.Contains("arena_sheet_ack_duration_milliseconds_bucket{", text);
    }
}
