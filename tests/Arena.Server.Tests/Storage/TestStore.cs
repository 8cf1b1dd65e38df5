using Arena.Testing;
using Microsoft.Data.Sqlite;

namespace Arena.Server.Tests.Storage;

/// <summary>
/// One test's store: a fresh SQLite data directory, or the PostgreSQL database of ARENA_TEST_POSTGRES under a
/// ServiceId and ClusterId of its own (rows of other tests carry other ids, so tests can run in parallel).
/// </summary>
public sealed class TestStore : IDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private readonly string? dataDir;

    public TestStore(string backend)
    {
        Backend = backend;
        ServiceId = $"test-{Guid.NewGuid():N}";
        if (backend == Sqlite)
            dataDir = Directory.CreateTempSubdirectory("arena-storage-test-").FullName;
        else
            PostgresConnectionString = PostgresFromEnvironment();
    }

    public string Backend { get; }
    public string ServiceId { get; }
    public string? PostgresConnectionString { get; }
    public string? SqliteFile => dataDir is null ? null : Path.Combine(dataDir, "arena.db");

    /// <summary>The journal key every silo of this store shares (a cluster needs it configured).</summary>
    public string JournalKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Settings for one silo of this store; each call gets free ports, so silos can restart or run side by side.</summary>
    public Dictionary<string, string?> Settings(string cluster = "Localhost") => new()
    {
        ["Arena:Storage"] = Backend,
        ["Arena:DataDir"] = dataDir,
        ["ConnectionStrings:Arena"] = PostgresConnectionString,
        ["Arena:Cluster"] = cluster,
        ["Arena:ServiceId"] = ServiceId,
        ["Arena:ClusterId"] = ServiceId,
        ["Arena:JournalKey"] = JournalKey,
        ["Arena:ClusterCertificate"] = TestClusterCertificate.File, // node-to-node mutual TLS
        ["Arena:SiloPort"] = TestSilo.FreePort().ToString(),
    };

    public Task<TestSilo> StartSiloAsync(string cluster = "Localhost") => TestSilo.StartAsync(Settings(cluster));

    /// <summary>Missing PostgreSQL is a failure, not a skip: a green run must have exercised the production store.</summary>
    public static string PostgresFromEnvironment() =>
        Environment.GetEnvironmentVariable("ARENA_TEST_POSTGRES") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "ARENA_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it, " +
                "or set it to a connection string such as Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");

    public void Dispose()
    {
        if (dataDir is null) return;
        SqliteConnection.ClearAllPools(); // pooled connections would keep the file open
        Directory.Delete(dataDir, recursive: true);
    }
}
