using Arena.Journal;
using Arena.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.EventSourcing.LogStorage;
using Orleans.Serialization;
using Orleans.Storage;

namespace Arena.Server.Tests.Storage;

/// <summary>
/// Journals kept by Orleans' LogStorage provider (the whole event list in one grain-state row) move to the journal
/// table when the silo starts, on SQLite and on PostgreSQL. The old rows are written here exactly as LogStorage wrote
/// them: the grain storage's own WriteStateAsync, the grain class as state name, LogStateWithMetaData as the state.
/// </summary>
public sealed class JournalMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task journals_kept_by_log_storage_move_to_the_journal_table_at_start_and_still_verify(string backend)
    {
        using var store = new TestStore(backend);
        List<(string StateName, GrainId Grain, List<JournalEntry> Log)> legacy;
        await using (var silo = await store.StartSiloAsync())
        {
            legacy = LegacyStreams(silo.Services);
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ArenaStorageExtensions.ProviderName);
            foreach (var (stateName, grain, log) in legacy)
                await storage.WriteStateAsync(stateName, grain, new LogStateWithMetaDataAndETag<JournalEntry> { State = new() { Log = log } }, Ct);
        }

        await using var migrated = await store.StartSiloAsync();
        var journal = migrated.Services.GetRequiredService<IJournalStore>();
        var rows = await journal.ReadFinalAsync("legacy-final", Ct);
        var signer = migrated.Services.GetRequiredService<JournalSigner>();
        Assert.Equal(legacy.SelectMany(l => l.Log).OrderBy(e => e.Stream, StringComparer.Ordinal).ThenBy(e => e.Index)
            .Select(e => e with { Signature = signer.Sign(e.Hash) }), rows);

        // Every field kept, so each stream's hash chain still holds, and signed with the journal key at migration
        // (the grains over HTTP: LegacyDataTests).
        foreach (var stream in rows.GroupBy(e => e.Stream))
            Assert.Empty(HashChain.Check(stream.Key, stream.ToList(), signer));
        Assert.Equal(9, rows.Count);

        // The old rows are kept under another name, so no grain (and no second migration) reads them again.
        var storageAfter = migrated.Services.GetRequiredKeyedService<IGrainStorage>(ArenaStorageExtensions.ProviderName);
        var old = new LogStateWithMetaDataAndETag<JournalEntry>();
        await storageAfter.ReadStateAsync(legacy[0].StateName, legacy[0].Grain, old, Ct);
        Assert.False(old.RecordExists);
    }

    /// <summary>The streams of the committed legacy fixture (Fixtures/legacy-logstorage), as LogStorage held them.</summary>
    private static List<(string, GrainId, List<JournalEntry>)> LegacyStreams(IServiceProvider services)
    {
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var streams = new List<(string, GrainId, List<JournalEntry>)>();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "legacy-logstorage", "arena.db");
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false");
        db.Open();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT GrainTypeString, PayloadBinary FROM OrleansStorage WHERE GrainTypeString LIKE 'Arena.%'";
        using var row = read.ExecuteReader();
        while (row.Read())
        {
            var scoped = row.GetString(0); // "Arena.Finals.FinalGrain@final/legacy-final"
            var (stateName, grainId) = (scoped[..scoped.IndexOf('@')], scoped[(scoped.IndexOf('@') + 1)..]);
            var log = serializer.Deserialize<LogStateWithMetaData<JournalEntry>>(new BinaryData((byte[])row[1]))!.Log;
            streams.Add((stateName, GrainId.Parse(grainId), log));
        }
        Assert.Equal(3, streams.Count);
        return streams;
    }
}
