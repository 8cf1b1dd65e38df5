using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Arena.Silo.Storage;

namespace Arena.Server.Tests.Grains;

/// <summary>An Orleans in-process test cluster with Arena's real SQLite storage in a temp folder and free ports.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("arena-grains-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Arena:DataDir"] = _dataDir }).Build();
        builder.ConfigureSiloHost((_, host) => host.Services.AddArenaSerialization());
        builder.ConfigureClientHost(host => host.Services.AddArenaSerialization());
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddArenaStorage(config);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton(new Arena.Journal.JournalSigner(JournalKey.Load(config)));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
