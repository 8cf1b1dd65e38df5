using Npgsql;

namespace Arena.Server.Tests.Storage;

/// <summary>Several nodes as one cluster: membership in PostgreSQL through Orleans' ADO.NET clustering.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task two_silos_on_postgres_join_one_cluster_and_call_each_others_grains()
    {
        using var store = new TestStore(TestStore.Postgres);
        // Started together, so both apply the schema at once (the advisory lock must serialise them).
        var starting = new[] { store.StartSiloAsync("Postgres"), store.StartSiloAsync("Postgres") };
        await using var first = await starting[0];
        await using var second = await starting[1];

        Assert.Equal(2, await ActiveSilos(store));

        // Placed on the second silo by its own first call, then reached from the first silo.
        Assert.Equal(second.Address, await second.Grains.GetGrain<ISiloProbeGrain>("probe").Silo());
        Assert.Equal(second.Address, await first.Grains.GetGrain<ISiloProbeGrain>("probe").Silo());
        Assert.NotEqual(first.Address, second.Address);
    }

    private static async Task<long> ActiveSilos(TestStore store)
    {
        await using var connection = new NpgsqlConnection(store.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = 3", connection);
        count.Parameters.AddWithValue("cluster", store.ServiceId); // TestStore uses its ServiceId as ClusterId
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
