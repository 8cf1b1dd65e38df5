using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Arena.Silo.Storage;

public static class ArenaStorageExtensions
{
    /// <summary>The grain storage grains name in <c>[PersistentState(..., "arena")]</c> and <c>[StorageProvider]</c>.</summary>
    public const string ProviderName = ArenaProviders.Storage;

    /// <summary>The log-consistency provider of Arena's journaled grains: the whole event list kept in <see cref="ProviderName"/>.</summary>
    public const string LogConsistencyProviderName = ArenaProviders.LogStorage;

    // The one ADO.NET provider behind both storage names; grains never name it.
    private const string AdoNetProviderName = "arena-adonet";

    /// <summary>
    /// Grain storage in SQLite (<c>Arena:Storage</c> = <c>Sqlite</c>, the default: <c>Arena:DataDir</c>/arena.db,
    /// <c>./data</c> unless set; <see cref="SqliteGrainStorage"/>, with group commit) or PostgreSQL (<c>Postgres</c>:
    /// <c>ConnectionStrings:Arena</c>, through Orleans' ADO.NET provider), under the name <see cref="ProviderName"/>
    /// and as the default storage. The schema is applied at start. Durability: a state write returns only after its commit is on disk (SQLite: WAL with
    /// synchronous = FULL; PostgreSQL: its default fsync = on, synchronous_commit = on).
    /// </summary>
    public static ISiloBuilder AddArenaStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var backend = configuration["Arena:Storage"] ?? "Sqlite";
        if (backend.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var dataDir = Path.GetFullPath(configuration["Arena:DataDir"] ?? "./data");
            var dataSource = SqliteStorage.DataSource(dataDir);
            silo.Services.AddSingleton(dataSource); // owned by the host, disposed with it
            AddSchema(silo, SqlScripts.SqlitePersistence, cancellation => SqliteStorage.ApplySchemaAsync(dataSource, dataDir, cancellation));
            silo.Services.AddSingleton(services => new SqliteGrainStorage(dataSource,
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>(),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
            silo.Services.AddGrainStorage(ProviderName, (services, _) => services.GetRequiredService<SqliteGrainStorage>());
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) => services.GetRequiredService<SqliteGrainStorage>());
        }
        else if (backend.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = PostgresStorage.ConnectionString(configuration);
            AddSchema(silo, SqlScripts.PostgresPersistence,
                cancellation => PostgresStorage.ApplySchemaAsync(connectionString, SqlScripts.PostgresPersistence, cancellation));
            AddAdoNetStorage(silo, PostgresStorage.Invariant, options => options.ConnectionString = connectionString);
            silo.Services.AddGrainStorage(ProviderName, ScopedToGrain);
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, ScopedToGrain);
        }
        else
        {
            throw new InvalidOperationException($"Arena:Storage must be Sqlite or Postgres, not '{backend}'.");
        }

        silo.AddLogStorageBasedLogConsistencyProvider(LogConsistencyProviderName);
        return silo;
    }

    internal static void AddSchema(ISiloBuilder silo, string script, Func<CancellationToken, Task> apply) =>
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new SchemaInstaller(script, apply, services.GetRequiredService<ILogger<SchemaInstaller>>()));

    private static void AddAdoNetStorage(ISiloBuilder silo, string invariant, Action<AdoNetGrainStorageOptions> connect) =>
        silo.AddAdoNetGrainStorage(AdoNetProviderName, optionsBuilder => optionsBuilder.Configure<Serializer>((options, serializer) =>
        {
            options.Invariant = invariant;
            connect(options);
            // Orleans' binary serializer, not the provider's default (10.4.2: Newtonsoft JSON), so stored state goes
            // through the same codecs as grain calls: [GenerateSerializer] types and the System.Text.Json codec
            // registered for Arena.Scoring alike.
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));

    private static GrainScopedStorage ScopedToGrain(IServiceProvider services, string name) =>
        new(services.GetRequiredKeyedService<IGrainStorage>(AdoNetProviderName));
}
