using System.Text.Json.Nodes;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>
/// Two real silo processes on 127.0.0.1 as one cluster on the throwaway PostgreSQL, as an organiser would run them:
/// different web, silo and gateway ports and data folders; the same database, ServiceId and ClusterId. Only the admin
/// key is configured; the token signing key comes from the database.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(SiloProcess a, SiloProcess b) => (A, B) = (a, b);

    public SiloProcess A { get; }
    public SiloProcess B { get; }

    public static async Task<TwoNodes> StartAsync()
    {
        var serviceId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["Arena:Cluster"] = "Postgres",
            ["Arena:Storage"] = "Postgres",
            ["ConnectionStrings:Arena"] = TestPostgres.ConnectionString,
            ["Arena:ServiceId"] = serviceId,
            ["Arena:ClusterId"] = serviceId,
            // The journal key every node shares (kept out of the database).
            ["Arena:JournalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Arena:ClusterCertificate"] = TestClusterCertificate.File, // node-to-node mutual TLS
        };
        var nodes = new TwoNodes(new SiloProcess(settings: settings), new SiloProcess(settings: settings));
        try
        {
            await Task.WhenAll(nodes.A.StartAsync(), nodes.B.StartAsync());
            await nodes.UntilBothActive();
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>GET /api/cluster on a node: <c>{node, members:[{silo, name, status}]}</c>.</summary>
    public static async Task<JsonNode> View(ArenaClient admin)
    {
        var view = await admin.Get("api/cluster");
        Assert.True(view.Status == System.Net.HttpStatusCode.OK, view.ToString());
        return view.Json!;
    }

    public static IEnumerable<string> Active(JsonNode view) =>
        view["members"]!.AsArray().Where(m => m!["status"]!.GetValue<string>() == "Active").Select(m => m!["silo"]!.GetValue<string>());

    private async Task UntilBothActive()
    {
        using var a = await ArenaClient.Admin(A.BaseAddress, A.AdminKey);
        using var b = await ArenaClient.Admin(B.BaseAddress, B.AdminKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Active(await View(a)).Count() < 2 || Active(await View(b)).Count() < 2)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The nodes did not form one cluster:\n{A.Output}\n{B.Output}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
