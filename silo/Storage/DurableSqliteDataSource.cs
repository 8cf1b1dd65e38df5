using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Arena.Silo.Storage;

/// <summary>
/// Hands out SQLite connections that are durable: <c>synchronous = FULL</c>, so in WAL mode every commit fsyncs the
/// log before it returns — a state write reported as done survives a crash or power loss. The bundled SQLite
/// already defaults to FULL; setting it on every open keeps that true whatever the build's default (the connection
/// string cannot express it). Writes all go through the one connection of <see cref="SqliteWriter"/>,
/// so the busy timeout only matters for other processes that open the file (a backup, the sqlite3 shell).
/// </summary>
internal sealed class DurableSqliteDataSource(string connectionString) : DbDataSource
{
    public const int BusyTimeoutSeconds = 30;

    public override string ConnectionString => connectionString;

    public new SqliteConnection OpenConnection() => (SqliteConnection)base.OpenConnection();

    protected override DbConnection CreateDbConnection() => new DurableSqliteConnection(connectionString);

    private sealed class DurableSqliteConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var pragmas = CreateCommand();
            pragmas.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};";
            pragmas.ExecuteNonQuery();
        }

        public override Task OpenAsync(CancellationToken cancellationToken)
        {
            Open(); // Microsoft.Data.Sqlite opens synchronously anyway
            return Task.CompletedTask;
        }
    }
}
