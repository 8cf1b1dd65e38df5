using Arena.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Server.Tests.Storage;

/// <summary>The promise behind "saved": a write returns only after its commit is fsynced.</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task the_database_file_is_in_wal_mode()
    {
        using var store = new TestStore(TestStore.Sqlite);
        await using (var silo = await store.StartSiloAsync())
            await silo.Grains.GetGrain<IStateProbeGrain>("final-1").Write("judged");

        await using var connection = new SqliteConnection($"Data Source={store.SqliteFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await Pragma(connection, "journal_mode"));
    }

    [Fact]
    public async Task every_connection_the_provider_opens_syncs_fully_and_waits_for_a_busy_file()
    {
        using var store = new TestStore(TestStore.Sqlite);
        await using var silo = await store.StartSiloAsync();
        var dataSource = silo.Services.GetRequiredService<DurableSqliteDataSource>();

        for (var i = 0; i < 3; i++) // a fresh connection, then pooled ones
        {
            await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2L, await Pragma(connection, "synchronous")); // 2 = FULL
            Assert.Equal(DurableSqliteDataSource.BusyTimeoutSeconds * 1000L, await Pragma(connection, "busy_timeout"));
        }
    }

    private static async Task<object?> Pragma(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
