using Arena.Server.Tests.Storage;
using Arena.Testing;

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

    [Fact]
    public async Task a_cluster_node_refuses_to_start_without_a_cluster_id_and_service_id_of_its_own()
    {
        // Nothing is reached before the check: the database need not exist.
        await using var node = new SiloProcess(settings: new Dictionary<string, string>
        {
            ["Arena:Cluster"] = "Postgres",
            ["Arena:Storage"] = "Postgres",
            ["ConnectionStrings:Arena"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none",
            ["Arena:ClusterId"] = "venue-a",
        });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => node.StartAsync());
        Assert.Contains("needs Arena:ClusterId and Arena:ServiceId", refused.Message);
        Assert.Contains("Arena:ServiceId is not set", refused.Message);
    }
}
