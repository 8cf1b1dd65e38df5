using Arena.Finals;
using Arena.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Arena.Silo.Telemetry;

public static class ArenaTelemetry
{
    /// <summary>
    /// Metrics (Orleans, ASP.NET Core, Arena's own), scraped at <c>/metrics</c> (Prometheus), and, when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces (ASP.NET Core, SignalR hub calls, Orleans grain calls) and
    /// metrics exported by OTLP. Traces only then: recording an activity for every request and grain call that no
    /// exporter ever reads cost about a tenth of the server's CPU in the venue load test (dotnet-trace).
    /// Health: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the silo serves grains and storage).
    /// </summary>
    public static WebApplicationBuilder AddArenaTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("arena", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m => m
                .AddMeter(ArenaMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
                .AddAspNetCoreInstrumentation()
                .AddView("arena.sheet.ack.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 15, 25, 50, 100, 250, 1000] })
                .AddView("arena.standings.push.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000] })
                .AddPrometheusExporter());
        if (TracesExported(builder.Configuration))
        {
            otel.WithTracing(t => t
                .AddSource(ArenaMetrics.Activities.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.AspNetCore.SignalR.Server", "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/health")));
            otel.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck<SiloReady>("silo", tags: ["ready"]);
        return builder;
    }

    /// <summary>Traces go somewhere (an OTLP endpoint is configured): only then are they recorded, and grain calls carry them.</summary>
    public static bool TracesExported(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplication MapArenaTelemetry(this WebApplication app)
    {
        app.UseMetricsAccess();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }

    /// <summary>Ready when a grain call through storage answers within two seconds.</summary>
    private sealed class SiloReady(IGrainFactory grains) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await grains.GetGrain<IFinalsIndexGrain>(0).List().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The silo does not answer grain calls.", e);
            }
        }
    }
}
