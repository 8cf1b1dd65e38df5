using Arena.Journal;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary><see cref="JournalMigration"/> for the SQLite file: one immediate transaction, before the writer has anything to do.</summary>
internal static class SqliteJournalMigration
{
    private const string Select = """
        SELECT GrainTypeString, PayloadBinary FROM OrleansStorage
        WHERE ServiceId = $s AND PayloadBinary IS NOT NULL
          AND (substr(GrainTypeString, 1, length($p0)) = $p0 OR substr(GrainTypeString, 1, length($p1)) = $p1)
        """;

    // No ON CONFLICT: a journal row already there fails the whole migration rather than merging two histories blindly.
    private const string Insert = """
        INSERT INTO ArenaJournal (ServiceId, FinalId, Stream, Idx, At, Actor, Type, Data, Hash, Signature)
        VALUES ($s, $f, $t, $i, $at, $a, $ty, $d, $h, $sg)
        """;

    private const string Rename = "UPDATE OrleansStorage SET GrainTypeString = $m || GrainTypeString WHERE ServiceId = $s AND GrainTypeString = $k";

    public static Task<(int Streams, int Events)> MigrateAsync(DurableSqliteDataSource connections, string serviceId, IGrainStorageSerializer serializer, JournalSigner signer)
    {
        using var connection = connections.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var legacy = new List<(string StateName, byte[] Payload)>();
        using (var select = Command(connection, transaction, Select, ("$s", serviceId), ("$p0", LegacyJournal.Prefixes[0]), ("$p1", LegacyJournal.Prefixes[1])))
        using (var row = select.ExecuteReader())
            while (row.Read()) legacy.Add((row.GetString(0), (byte[])row[1]));
        if (legacy.Count == 0) return Task.FromResult((0, 0));

        var events = 0;
        foreach (var (stateName, payload) in legacy)
        {
            var stream = LegacyJournal.Read(stateName, payload, serializer, signer);
            foreach (var e in stream.Entries)
            {
                using var insert = Command(connection, transaction, Insert, ("$s", serviceId), ("$f", stream.FinalId), ("$t", e.Stream), ("$i", e.Index),
                    ("$at", JournalRows.At(e.At)), ("$a", e.Actor), ("$ty", e.Type), ("$d", e.Data), ("$h", e.Hash), ("$sg", e.Signature));
                insert.ExecuteNonQuery();
                events++;
            }
            using var rename = Command(connection, transaction, Rename, ("$s", serviceId), ("$m", LegacyJournal.MigratedPrefix), ("$k", stateName));
            rename.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.FromResult((legacy.Count, events));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
