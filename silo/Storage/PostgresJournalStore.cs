using System.Text;
using Arena.Journal;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Arena.Silo.Storage;

/// <summary>
/// The journal in PostgreSQL (table arena_journal, one row per event). An append is one multi-row INSERT, which is
/// atomic on its own: an index stored already (another activation wrote first) fails the whole statement with a
/// unique violation, so the append stores nothing and answers false. A commit returns once it is fsynced (the
/// database's default synchronous_commit = on).
/// </summary>
internal sealed class PostgresJournalStore(NpgsqlDataSource database, IOptions<ClusterOptions> cluster) : IJournalStore, IAsyncDisposable
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    private const string Select = "SELECT stream, idx, at, actor, type, data, hash, signature, seq FROM arena_journal WHERE service_id = $1 AND final_id = $2";

    public async Task<IReadOnlyList<JournalEntry>> ReadStreamAsync(string finalId, string stream, CancellationToken cancellation = default)
    {
        await using var query = database.CreateCommand(Select + " AND stream = $3 ORDER BY idx");
        query.Parameters.Add(new() { Value = _serviceId });
        query.Parameters.Add(new() { Value = finalId });
        query.Parameters.Add(new() { Value = stream });
        return await JournalRows.ReadAll(query, cancellation);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadFinalAsync(string finalId, CancellationToken cancellation = default)
    {
        await using var query = database.CreateCommand(Select + " ORDER BY stream, idx");
        query.Parameters.Add(new() { Value = _serviceId });
        query.Parameters.Add(new() { Value = finalId });
        return await JournalRows.ReadAll(query, cancellation);
    }

    public async Task<bool> AppendAsync(string finalId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellation = default)
    {
        if (entries.Count == 0) return true;
        await using var insert = database.CreateCommand(InsertSql(entries.Count));
        foreach (var e in entries)
            foreach (var value in new object[] { _serviceId, finalId, e.Stream, e.Index, JournalRows.At(e.At), e.Actor, e.Type, e.Data, e.Hash, e.Signature, e.Seq })
                insert.Parameters.Add(new() { Value = value });
        try
        {
            await insert.ExecuteNonQueryAsync(cancellation);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false; // the contract's answer to "this index is taken"; the grain re-reads its stream
        }
    }

    private const int Columns = 11;

    private static string InsertSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO arena_journal (service_id, final_id, stream, idx, at, actor, type, data, hash, signature, seq) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 1; c <= Columns; c++) sql.Append(c > 1 ? ", $" : "$").Append(r * Columns + c);
            sql.Append(')');
        }
        return sql.ToString();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync(); // the store owns its pool (created for it at registration)
}
