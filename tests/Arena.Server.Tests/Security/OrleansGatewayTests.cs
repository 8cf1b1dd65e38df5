using System.Net;
using System.Net.Sockets;
using Arena.Finals;
using Arena.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Arena.Server.Tests.Security;

/// <summary>
/// The pages reach the grains only through the web surface, which checks every token. An Orleans client that reached
/// a silo directly could list every access code or submit as any judge: no port of a node may let one in.
/// </summary>
public sealed class OrleansGatewayTests
{
    [Fact]
    public async Task an_orleans_client_cannot_reach_the_grains_through_any_port_of_a_node()
    {
        var (siloPort, gatewayPort) = (SiloProcess.FreePort(), SiloProcess.FreePort());
        // The old setting of the gateway's port, given as an old configuration would: it must open nothing.
        await using var silo = new SiloProcess(settings: new Dictionary<string, string>
        {
            ["Arena:SiloPort"] = siloPort.ToString(),
            ["Arena:GatewayPort"] = gatewayPort.ToString(),
        });
        await silo.StartAsync();

        Assert.True(await Listens(siloPort), "The silo port is not where the test thinks: the test would prove nothing.");
        foreach (var port in new[] { gatewayPort, siloPort })
        {
            var reached = await ClientReaches(port);
            Assert.True(reached is null, $"An Orleans client on port {port} listed the finals: {reached}");
        }
        Assert.False(await Listens(gatewayPort), $"Something listens on the gateway port {gatewayPort}.");
    }

    private static async Task<bool> Listens(int port)
    {
        using var tcp = new TcpClient();
        try { await tcp.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken); return true; }
        catch (SocketException) { return false; }
    }

    /// <summary>What a client with the node's ids (the defaults of a single node) gets from the finals index; null when it gets nothing.</summary>
    private static async Task<string?> ClientReaches(int port)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("arena", "arena")));
        using var host = builder.Build();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await host.StartAsync(patience.Token);
            var finals = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IFinalsIndexGrain>(0).List().WaitAsync(patience.Token);
            return $"{finals.Count} finals";
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return null;
        }
        finally
        {
            try { await host.StopAsync(CancellationToken.None); } catch (Exception) { /* never connected */ }
        }
    }
}
