using Arena.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Arena.Silo.Storage;

/// <summary>
/// The journal in the embedded SQLite file (table ArenaJournal, one row per event). Appends go through the file's
/// <see cref="SqliteWriter"/>, so they share group commits with grain-state writes; reads use their own connections.
/// Rows carry the ServiceId like OrleansStorage rows do, so two services never share a stream.
/// </summary>
internal sealed class SqliteJournalStore(DurableSqliteDataSource connections, SqliteWriter writer, IOptions<ClusterOptions> cluster) : IJournalStore
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    public Task<IReadOnlyList<JournalEntry>> ReadStreamAsync(string finalId, string stream, CancellationToken cancellation = default) =>
        Read($"SELECT {JournalRows.Columns} FROM ArenaJournal WHERE ServiceId = $s AND FinalId = $f AND Stream = $t ORDER BY Idx",
            finalId, stream, cancellation);

    public Task<IReadOnlyList<JournalEntry>> ReadFinalAsync(string finalId, CancellationToken cancellation = default) =>
        Read($"SELECT {JournalRows.Columns} FROM ArenaJournal WHERE ServiceId = $s AND FinalId = $f ORDER BY Stream, Idx",
            finalId, stream: null, cancellation);

    public Task<bool> AppendAsync(string finalId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellation = default)
    {
        if (entries.Count == 0) return Task.FromResult(true);
        var append = new SqliteJournalAppend(_serviceId, finalId, entries);
        writer.Enqueue(append);
        return append.Done.Task.WaitAsync(cancellation);
    }

    private async Task<IReadOnlyList<JournalEntry>> Read(string sql, string finalId, string? stream, CancellationToken cancellation)
    {
        await using var connection = connections.OpenConnection();
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        query.Parameters.AddWithValue("$s", _serviceId);
        query.Parameters.AddWithValue("$f", finalId);
        if (stream is not null) query.Parameters.AddWithValue("$t", stream);
        return await JournalRows.ReadAll(query, cancellation);
    }
}

/// <summary>
/// One append in a group commit: one INSERT per event inside a savepoint. An index that is stored already rolls
/// back to the savepoint (this append stores nothing and answers false) while the rest of the batch commits.
/// </summary>
internal sealed class SqliteJournalAppend(string serviceId, string finalId, IReadOnlyList<JournalEntry> entries) : SqliteWrite
{
    private const string Insert = """
        INSERT INTO ArenaJournal (ServiceId, FinalId, Stream, Idx, At, Actor, Type, Data, Hash, Signature, Seq)
        VALUES ($s, $f, $t, $i, $at, $a, $ty, $d, $h, $sg, $sq)
        ON CONFLICT DO NOTHING
        """;

    private bool _stored;

    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Apply(SqliteBatch batch)
    {
        var insert = batch.Command(Insert, "$s", "$f", "$t", "$i", "$at", "$a", "$ty", "$d", "$h", "$sg", "$sq");
        batch.Transaction.Save("append");
        _stored = entries.All(e => Insert1(insert, e));
        if (!_stored) batch.Transaction.Rollback("append");
        batch.Transaction.Release("append");
    }

    private bool Insert1(SqliteCommand insert, JournalEntry e)
    {
        insert.Parameters["$s"].Value = serviceId;
        insert.Parameters["$f"].Value = finalId;
        insert.Parameters["$t"].Value = e.Stream;
        insert.Parameters["$i"].Value = e.Index;
        insert.Parameters["$at"].Value = JournalRows.At(e.At);
        insert.Parameters["$a"].Value = e.Actor;
        insert.Parameters["$ty"].Value = e.Type;
        insert.Parameters["$d"].Value = e.Data;
        insert.Parameters["$h"].Value = e.Hash;
        insert.Parameters["$sg"].Value = e.Signature;
        insert.Parameters["$sq"].Value = e.Seq;
        return insert.ExecuteNonQuery() == 1;
    }

    public override void Committed() => Done.TrySetResult(_stored);

    public override void Failed(Exception error) => Done.TrySetException(error);
}
