using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>
/// The silo port of a cluster node speaks mutual TLS with the certificate the nodes share, and nothing else: a peer
/// without it — another certificate, none, or plain Orleans bytes — is cut off before a single message is read.
/// (That two nodes holding it form a cluster is what every other test of this folder shows.)
/// </summary>
public sealed class ClusterTlsTests
{
    private static Dictionary<string, string> Node(string? certificate) => new()
    {
        ["Arena:Cluster"] = "Postgres",
        ["Arena:Storage"] = "Postgres",
        ["ConnectionStrings:Arena"] = TestPostgres.ConnectionString,
        ["Arena:ServiceId"] = "tls-" + Guid.NewGuid().ToString("N")[..8],
        ["Arena:ClusterId"] = "tls-test",
        ["Arena:JournalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Arena:ClusterCertificate"] = certificate ?? "",
    };

    [Fact]
    public async Task a_cluster_node_refuses_to_start_without_the_certificate_and_says_how_to_make_one()
    {
        await using var node = new SiloProcess(settings: Node(certificate: null));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => node.StartAsync());
        Assert.Contains("needs Arena:ClusterCertificate", refused.Message);
        Assert.Contains("cluster-certificate cluster.pfx", refused.Message);
    }

    [Fact]
    public async Task only_a_peer_holding_the_shared_certificate_gets_through_the_silo_port()
    {
        var siloPort = SiloProcess.FreePort();
        var settings = Node(TestClusterCertificate.File);
        settings["Arena:SiloPort"] = siloPort.ToString();
        await using var node = new SiloProcess(settings: settings);
        await node.StartAsync();
        var shared = TestClusterCertificate.Load();

        var (admitted, serverCertificate) = await Handshake(siloPort, shared);
        Assert.True(admitted, "A peer with the shared certificate was cut off.");
        Assert.Equal(shared.Thumbprint, serverCertificate!.Thumbprint); // the node proves itself with it too

        Assert.False((await Handshake(siloPort, TestClusterCertificate.Stranger())).Admitted, "A stranger's certificate got in.");
        Assert.False((await Handshake(siloPort, null)).Admitted, "A peer with no certificate got in.");
        Assert.False(await PlainBytesStayConnected(siloPort), "Plain (unencrypted) Orleans traffic was taken.");

        // The command an organiser runs makes such a certificate, and never overwrites one.
        var file = Path.Combine(node.DataDir, "cluster.pfx");
        var (code, output) = await SiloProcess.Command("cluster-certificate", file);
        Assert.True(code == 0, output);
        Assert.Matches("SHA-256 fingerprint: [0-9A-F:]{95}", output);
        Assert.True(X509CertificateLoader.LoadPkcs12FromFile(file, null).HasPrivateKey);
        Assert.Equal(2, (await SiloProcess.Command("cluster-certificate", file)).Code);
    }

    /// <summary>A TLS client with the given certificate; admitted when the connection is still open a second later.</summary>
    private static async Task<(bool Admitted, X509Certificate2? Server)> Handshake(int port, X509Certificate2? client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(tcp.GetStream());
        X509Certificate2? server = null;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "arena-cluster",
                ClientCertificates = client is null ? null : new X509CertificateCollection { client },
                RemoteCertificateValidationCallback = (_, c, _, _) => { server = new X509Certificate2(c!); return true; },
            }, TestContext.Current.CancellationToken);
            return (await StaysOpen(tls), server);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return (false, server);
        }
    }

    private static async Task<bool> PlainBytesStayConnected(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        // What an Orleans peer without TLS sends first: a preamble length and a grain id, not a TLS ClientHello.
        await stream.WriteAsync(new byte[] { 20, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 }, TestContext.Current.CancellationToken);
        try { return await StaysOpen(stream); }
        catch (IOException) { return false; }
    }

    // The node says nothing until the peer speaks Orleans; a refused peer is closed (or reset) at once.
    private static async Task<bool> StaysOpen(Stream stream)
    {
        using var second = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        second.CancelAfter(TimeSpan.FromSeconds(1.5));
        try
        {
            var read = await stream.ReadAsync(new byte[1], second.Token);
            return read > 0;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }
}
