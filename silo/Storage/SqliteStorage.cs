using Microsoft.Data.Sqlite;

namespace Arena.Silo.Storage;

/// <summary>The single-node store: one SQLite file, <c>arena.db</c>, in Arena's data directory.</summary>
internal static class SqliteStorage
{
    public static DurableSqliteDataSource DataSource(string dataDir) => new(new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, "arena.db"),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Microsoft.Data.Sqlite's own retry on SQLITE_BUSY; matches the busy_timeout the data source sets.
        DefaultTimeout = DurableSqliteDataSource.BusyTimeoutSeconds,
    }.ToString());

    public static async Task ApplySchemaAsync(DurableSqliteDataSource dataSource, string dataDir, CancellationToken cancellation)
    {
        Directory.CreateDirectory(dataDir);
        await using var connection = dataSource.OpenConnection();

        // WAL is a property of the file and persists. It lets readers run beside the writer and makes a
        // commit one sequential log append (+ fsync) instead of a rollback journal's several.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellation);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"SQLite refused WAL mode for {dataSource.ConnectionString} (journal_mode = {mode}).");
        }

        await using var transaction = connection.BeginTransaction();
        await using var script = connection.CreateCommand();
        script.Transaction = transaction;
        script.CommandText = SqlScripts.Load(SqlScripts.SqlitePersistence);
        await script.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }
}
