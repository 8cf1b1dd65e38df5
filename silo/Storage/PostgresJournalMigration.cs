using Arena.Journal;
using Npgsql;
using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary>
/// <see cref="JournalMigration"/> for PostgreSQL: one transaction under the schema's advisory lock, so nodes starting
/// together migrate once (the second finds the old rows renamed already).
/// </summary>
internal static class PostgresJournalMigration
{
    private const string Select = """
        SELECT GrainTypeString, PayloadBinary FROM OrleansStorage
        WHERE ServiceId = $1 AND PayloadBinary IS NOT NULL AND (left(GrainTypeString, length($2)) = $2 OR left(GrainTypeString, length($3)) = $3)
        FOR UPDATE
        """;

    // No ON CONFLICT: a journal row already there fails the whole migration rather than merging two histories blindly.
    private const string Insert = """
        INSERT INTO arena_journal (service_id, final_id, stream, idx, at, actor, type, data, hash, signature)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    // The key columns other than GrainTypeString stay as the ADO.NET provider wrote them; the rename keeps the row unique.
    private const string Rename = "UPDATE OrleansStorage SET GrainTypeString = $2 || GrainTypeString WHERE ServiceId = $1 AND GrainTypeString = $3";

    public static async Task<(int Streams, int Events)> MigrateAsync(string connectionString, string serviceId, IGrainStorageSerializer serializer, JournalSigner signer, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('arena-schema'))", cancellation);

        var legacy = new List<(string StateName, byte[] Payload)>();
        await using (var select = Command(connection, transaction, Select, serviceId, LegacyJournal.Prefixes[0], LegacyJournal.Prefixes[1]))
        await using (var row = await select.ExecuteReaderAsync(cancellation))
            while (await row.ReadAsync(cancellation)) legacy.Add((row.GetString(0), (byte[])row[1]));
        if (legacy.Count == 0) return (0, 0);

        var events = 0;
        foreach (var (stateName, payload) in legacy)
        {
            var stream = LegacyJournal.Read(stateName, payload, serializer, signer);
            foreach (var e in stream.Entries)
            {
                await Execute(connection, transaction, Insert, cancellation,
                    serviceId, stream.FinalId, e.Stream, e.Index, JournalRows.At(e.At), e.Actor, e.Type, e.Data, e.Hash, e.Signature);
                events++;
            }
            await Execute(connection, transaction, Rename, cancellation, serviceId, LegacyJournal.MigratedPrefix, stateName);
        }
        await transaction.CommitAsync(cancellation);
        return (legacy.Count, events);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellation, params object[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
