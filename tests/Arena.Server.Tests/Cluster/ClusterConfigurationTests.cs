using Arena.Server.Tests.Storage;

namespace Arena.Server.Tests.Cluster;

public sealed class ClusterConfigurationTests
{
    [Fact]
    public async Task a_cluster_node_refuses_to_start_on_a_sqlite_file_of_its_own()
    {
        using var store = new TestStore(TestStore.Sqlite);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(store.Settings(cluster: "Postgres")));
        Assert.Contains("Arena:Storage=Postgres", refused.Message);
    }
}
