using System.Net;
using System.Net.Sockets;
using Arena.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Arena.Server.Tests.Storage;

/// <summary>A real silo host wired only by AddArenaClustering and AddArenaStorage, as Program.cs wires it.</summary>
public sealed class TestSilo(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();
    public string Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public static async Task<TestSilo> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new Arena.Journal.JournalSigner(JournalKey.Load(builder.Configuration)));
        builder.UseOrleans(silo => silo
            .AddArenaClustering(builder.Configuration)
            .AddArenaStorage(builder.Configuration));
        var host = builder.Build();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new TestSilo(host);
    }

    /// <summary>A port nobody listens on right now (the kernel picks it), so parallel tests never share one.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
