using Arena.Journal;
using Arena.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.EventSourcing.LogStorage;
using Orleans.Storage;

namespace Arena.Server.Tests.Storage;

/// <summary>Journal appends and grain-state writes share the SQLite writer's group commits without failing each other.</summary>
public sealed class SqliteGroupCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_rejected_append_fails_alone_while_the_rest_of_its_batch_commits()
    {
        using var store = new TestStore(TestStore.Sqlite);
        await using var silo = await store.StartSiloAsync();
        var journal = silo.Services.GetRequiredService<IJournalStore>();
        var grainStorage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ArenaStorageExtensions.ProviderName);
        Assert.True(await journal.AppendAsync("f1", Entries.Of("final", 0, 2), Ct));

        Task<bool> first, duplicate, other;
        Task stateWrite;
        // Another process holds the file's write lock, so the writer stalls on its next batch (the blocker) while
        // the writes under test queue up behind it; when the lock goes they are drained into one transaction.
        using (var holder = new SqliteConnection($"Data Source={store.SqliteFile};Pooling=false"))
        {
            holder.Open();
            using var lockIt = holder.BeginTransaction(deferred: false);
            first = journal.AppendAsync("blocker", Entries.Of("final", 0, 1), Ct);
            await Task.Delay(200, Ct); // the writer has taken the blocker and waits for the lock
            duplicate = journal.AppendAsync("f1", Entries.Of("final", 1, 2, actor: "second activation"), Ct);
            other = journal.AppendAsync("f2", Entries.Of("final", 0, 3), Ct);
            stateWrite = grainStorage.WriteStateAsync("probe", GrainId.Create("probe", "p1"),
                new LogStateWithMetaDataAndETag<JournalEntry> { State = new() { Log = Entries.Of("x", 0, 1) } }, Ct);
            Assert.False(duplicate.IsCompleted || other.IsCompleted || stateWrite.IsCompleted);
            lockIt.Commit();
        }

        Assert.True(await first);
        Assert.False(await duplicate);
        Assert.True(await other);
        await stateWrite;
        Assert.Equal(Entries.Of("final", 0, 2), await journal.ReadStreamAsync("f1", "final", Ct));
        Assert.Equal(Entries.Of("final", 0, 3), await journal.ReadStreamAsync("f2", "final", Ct));
        var state = new LogStateWithMetaDataAndETag<JournalEntry>();
        await grainStorage.ReadStateAsync("probe", GrainId.Create("probe", "p1"), state, Ct);
        Assert.Equal(Entries.Of("x", 0, 1), state.State.Log);
    }
}
