using Arena.Silo.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Arena.Silo;

public static class ArenaSilo
{
    /// <summary>Orleans co-hosted with the web surface: storage, clustering, event sourcing, serialization.</summary>
    public static WebApplicationBuilder AddArenaSilo(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        // Definitions and sheets are small; nothing legitimate comes near this.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddArenaSerialization();
        builder.UseOrleans(silo =>
        {
            silo.AddArenaClustering(builder.Configuration);
            silo.AddArenaStorage(builder.Configuration);
            silo.AddActivityPropagation();
        });
        if (builder.Configuration.GetValue("Arena:Demo", false)) builder.Services.AddHostedService<Demo>();
        return builder;
    }
}
