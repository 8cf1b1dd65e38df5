using System.Net;
using Arena.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Arena.Silo.Storage;

public static class ArenaClusteringExtensions
{
    /// <summary>
    /// How silos find each other. <c>Arena:Cluster</c> = <c>Localhost</c> (default: one node, no database) or
    /// <c>Postgres</c> (membership in the database of <c>ConnectionStrings:Arena</c>, schema applied at start; every node
    /// advertises <c>Arena:AdvertisedIp</c>, default 127.0.0.1). Silo-to-silo port from <c>Arena:SiloPort</c> (11111).
    /// No gateway: the web surface is co-hosted and calls its own silo, and an Orleans client that reached a gateway
    /// would call grains past every check of the web surface. A cluster needs <c>Arena:ClusterId</c> and
    /// <c>Arena:ServiceId</c> configured (a single node uses "arena"); the ServiceId is part of every stored grain's key:
    /// keep it stable across deployments.
    /// </summary>
    public static ISiloBuilder AddArenaClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var clusterId = ClusterId(configuration);
        var serviceId = ServiceId(configuration);
        var siloPort = configuration.GetValue("Arena:SiloPort", 11111);

        if (!IsPostgres(configuration))
            return silo.UseLocalhostClustering(siloPort, gatewayPort: NoGateway, serviceId: serviceId, clusterId: clusterId);

        // Nodes with a SQLite file each would each keep their own copy of every final: split brain.
        if (!string.Equals(configuration["Arena:Storage"], "Postgres", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Arena:Cluster=Postgres needs Arena:Storage=Postgres: every node must read and write the same grain state.");
        var connectionString = PostgresStorage.ConnectionString(configuration);
        var advertisedIp = configuration["Arena:AdvertisedIp"] ?? "127.0.0.1";
        if (!IPAddress.TryParse(advertisedIp, out var address))
            throw new InvalidOperationException($"Arena:AdvertisedIp must be an IP address, not '{advertisedIp}'.");

        ArenaStorageExtensions.AddSchema(silo, SqlScripts.PostgresClustering,
            cancellation => PostgresStorage.ApplySchemaAsync(connectionString, SqlScripts.PostgresClustering, cancellation));
        return silo
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .Configure<ClusterMembershipOptions>(FailureDetection.Configure)
            .ConfigureEndpoints(address, siloPort, NoGateway)
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (PostgresStorage.Invariant, connectionString));
    }

    /// <summary><c>Arena:Cluster</c> = <c>Postgres</c>: several nodes as one cluster; otherwise the single-node default.</summary>
    public static bool IsPostgres(IConfiguration configuration)
    {
        var mode = configuration["Arena:Cluster"] ?? "Localhost";
        if (mode.Equals("Localhost", StringComparison.OrdinalIgnoreCase)) return false;
        if (mode.Equals("Postgres", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"Arena:Cluster must be Localhost or Postgres, not '{mode}'.");
    }

    /// <summary>Orleans' "no gateway": no port for external clients is opened.</summary>
    private const int NoGateway = 0;

    public static string ServiceId(IConfiguration configuration) => Id(configuration, "Arena:ServiceId");

    public static string ClusterId(IConfiguration configuration) => Id(configuration, "Arena:ClusterId");

    /// <summary>
    /// A single node's ids default to "arena". A cluster's must be chosen: nodes that share a default join any cluster
    /// that kept it, and read its secrets and grains (the ids are part of the membership and the stored keys).
    /// </summary>
    private static string Id(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } id ? id
        : !IsPostgres(configuration) ? "arena"
        : throw new InvalidOperationException(
            "Arena:Cluster=Postgres needs Arena:ClusterId and Arena:ServiceId, the same on every node of this deployment " +
            $"and used by no other (e.g. --Arena:ClusterId venue-2024 --Arena:ServiceId venue-2024); {key} is not set.");
}
