using Arena.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
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

    /// <summary>Orleans' log-storage consistency provider: a grain's whole event list kept in <see cref="ProviderName"/>.</summary>
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
            var dataDir = DataFolder.Of(configuration);
            var dataSource = SqliteStorage.DataSource(dataDir);
            silo.Services.AddSingleton(dataSource); // owned by the host, disposed with it
            AddSchema(silo, SqlScripts.SqlitePersistence, cancellation => SqliteStorage.ApplySchemaAsync(dataSource, dataDir, cancellation));
            AddMigration(silo, services => _ => SqliteJournalMigration.MigrateAsync(dataSource, ServiceId(services), StorageSerializer(services), services.GetRequiredService<JournalSigner>()));
            // One writer for the file: grain-state writes and journal appends share its group commits.
            silo.Services.AddSingleton(services => new SqliteWriter(dataSource, services.GetRequiredService<ILogger<SqliteWriter>>()));
            silo.Services.AddSingleton(services => new SqliteGrainStorage(dataSource, services.GetRequiredService<SqliteWriter>(),
                StorageSerializer(services), services.GetRequiredService<IOptions<ClusterOptions>>()));
            silo.Services.AddSingleton<IJournalStore>(services => new SqliteJournalStore(dataSource, services.GetRequiredService<SqliteWriter>(),
                services.GetRequiredService<IOptions<ClusterOptions>>()));
            silo.Services.AddGrainStorage(ProviderName, (services, _) => services.GetRequiredService<SqliteGrainStorage>());
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) => services.GetRequiredService<SqliteGrainStorage>());
        }
        else if (backend.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = PostgresStorage.ConnectionString(configuration);
            AddSchema(silo, SqlScripts.PostgresPersistence,
                cancellation => PostgresStorage.ApplySchemaAsync(connectionString, SqlScripts.PostgresPersistence, cancellation));
            AddMigration(silo, services => cancellation =>
                PostgresJournalMigration.MigrateAsync(connectionString, ServiceId(services), StorageSerializer(services), services.GetRequiredService<JournalSigner>(), cancellation));
            AddAdoNetStorage(silo, PostgresStorage.Invariant, options => options.ConnectionString = connectionString);
            silo.Services.AddSingleton<IJournalStore>(services => new PostgresJournalStore(
                new NpgsqlDataSourceBuilder(connectionString).Build(), services.GetRequiredService<IOptions<ClusterOptions>>()));
            silo.Services.AddGrainStorage(ProviderName, ScopedToGrain);
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, ScopedToGrain);
        }
        else
        {
            throw new InvalidOperationException($"Arena:Storage must be Sqlite or Postgres, not '{backend}'.");
        }

        // The grains' events go to the IJournalStore above, one row each (ICustomStorageInterface on the grains).
        silo.AddCustomStorageBasedLogConsistencyProvider(ArenaProviders.Journal);
        // Kept for grains that still keep their whole log in grain storage (none of Arena's own journaled grains).
        silo.AddLogStorageBasedLogConsistencyProvider(LogConsistencyProviderName);
        return silo;
    }

    internal static void AddSchema(ISiloBuilder silo, string script, Func<CancellationToken, Task> apply) =>
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new SchemaInstaller(script, apply, services.GetRequiredService<ILogger<SchemaInstaller>>()));

    private static void AddMigration(ISiloBuilder silo, Func<IServiceProvider, Func<CancellationToken, Task<(int, int)>>> migrate) =>
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new JournalMigration(migrate(services), services.GetRequiredService<ILogger<JournalMigration>>()));

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

    // The serializer grain storage uses (below and in SqliteGrainStorage): Orleans' binary one.
    private static OrleansGrainStorageSerializer StorageSerializer(IServiceProvider services) => new(services.GetRequiredService<Serializer>());

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
