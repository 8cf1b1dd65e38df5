using Arena.Silo.Cluster;
using Arena.Silo.Https;
using Arena.Silo.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
using Orleans.Dashboard;

namespace Arena.Silo;

public static class ArenaSilo
{
    /// <summary>How long a stopping node may take to leave the cluster cleanly before the host gives up on it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Orleans co-hosted with the web surface: storage, clustering, event sourcing, serialization.</summary>
    public static WebApplicationBuilder AddArenaSilo(this WebApplicationBuilder builder)
    {
        builder.AddShippedSettings();
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        // Definitions and sheets are small; nothing legitimate comes near this.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.AddArenaHttps();
        builder.Services.AddArenaSerialization();
        // SIGTERM (systemd, docker stop, Kubernetes) stops the host: the web surface drains its requests, then the
        // silo deactivates its grains and marks itself dead in the membership table, so the other nodes take over at
        // once (the next call activates a grain on a live node, from storage) instead of after failure detection. That needs time; nothing else in the process holds the stop up.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.AddArenaClusterSecrets();
        builder.AddArenaJournalKey();
        builder.UseOrleans(silo =>
        {
            silo.AddArenaClustering(builder.Configuration);
            silo.AddArenaClusterTls(builder.Configuration);
            silo.AddArenaStorage(builder.Configuration);
            // Silos, grains and call rates for cluster operators at /dashboard, behind the admin's sign-in
            // (AdminBrowserSession). Its grain profiler runs only while somebody watches (a minute after the last look),
            // and its live log stream stays off: the log files have that, and an admin's browser need not.
            // Arena:Dashboard=false leaves it out altogether.
            if (Dashboard(builder.Configuration)) silo.AddDashboard(o => o.HideTrace = true);
            if (Telemetry.ArenaTelemetry.TracesExported(builder.Configuration)) silo.AddActivityPropagation();
        });
        if (builder.Configuration.GetValue("Arena:Demo", false)) builder.Services.AddHostedService<Demo>();
        builder.Services.AddHostedService<Welcome>();
        return builder;
    }

    public static bool Dashboard(IConfiguration configuration) => configuration.GetValue("Arena:Dashboard", true);

    /// <summary>
    /// The appsettings.json that travels beside the program, under every other source. ASP.NET Core reads appsettings.json
    /// from the content root, which is the working directory: a release started from elsewhere (a shortcut, a service
    /// manager, a terminal in another folder) would run without its log levels and defaults.
    /// </summary>
    private static void AddShippedSettings(this WebApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var contentRoot = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"));
        if (!File.Exists(shipped) || string.Equals(contentRoot, Path.GetFullPath(shipped), StringComparison.Ordinal)) return;
        var source = new JsonConfigurationSource { Path = shipped, Optional = true };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
    }
}
