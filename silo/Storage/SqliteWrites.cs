using Microsoft.Data.Sqlite;

namespace Arena.Silo.Storage;

/// <summary>One group commit: every queued write checked against its row's version, all in one transaction.</summary>
internal static class SqliteWrites
{
    // A first write (no ETag) inserts version 1 and loses to an existing row; a later one updates only the version it
    // read. A clear (NULL payload) keeps the row with a higher version, so a stale activation still fails afterwards.
    private const string Insert = """
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
                                    GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
        VALUES ($s, $k, 0, 0, '', 0, 0, $p, 1, CURRENT_TIMESTAMP)
        ON CONFLICT DO NOTHING
        RETURNING Version
        """;

    private const string Update = """
        UPDATE OrleansStorage SET PayloadBinary = $p, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
        WHERE ServiceId = $s AND GrainTypeString = $k AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = ''
          AND Version = $v
        RETURNING Version
        """;

    /// <summary>Commits the batch (one fsync); per write, the new version, or null for a version conflict.</summary>
    public static long?[] Commit(SqliteConnection connection, string serviceId, IReadOnlyList<SqliteGrainStorage.Write> batch)
    {
        var outcomes = new long?[batch.Count];
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = Command(connection, transaction, Insert);
        using var update = Command(connection, transaction, Update);
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            var command = w.Expected is null ? insert : update;
            command.Parameters["$s"].Value = serviceId;
            command.Parameters["$k"].Value = w.Key;
            command.Parameters["$p"].Value = (object?)w.Payload ?? DBNull.Value;
            command.Parameters["$v"].Value = (object?)w.Expected ?? DBNull.Value;
            outcomes[i] = command.ExecuteScalar() is long version ? version : null;
        }
        transaction.Commit();
        return outcomes;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$s", "$k", "$p", "$v" }) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }
}
