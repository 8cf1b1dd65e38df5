using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Arena.Testing;

namespace Arena.Server.Tests.Security;

/// <summary>
/// <c>Arena:Https=self-signed</c>: the node makes a certificate of its own at the first start, prints its fingerprint,
/// serves https with it (and keeps it across restarts, so a tablet that trusted it once goes on trusting it), sends
/// plain http to https and says HSTS on https.
/// </summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task a_self_signed_node_serves_https_with_the_printed_certificate_and_sends_plain_http_there()
    {
        await using var silo = new SiloProcess(settings: new Dictionary<string, string> { ["Arena:Https"] = "self-signed" });
        var (http, https) = (silo.Port, SiloProcess.FreePort());
        silo.Settings["urls"] = $"http://127.0.0.1:{http};https://127.0.0.1:{https}";
        await silo.StartAsync();
        var printed = await Printed(silo);
        Assert.True(File.Exists(Path.Combine(silo.DataDir, "https.pfx")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(silo.DataDir, "https.pfx")));

        // A client that trusts exactly the printed fingerprint, as a person comparing it on a tablet would.
        X509Certificate2? seen = null;
        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seen = new X509Certificate2(certificate!);
                    return Fingerprint(seen) == printed;
                },
            },
            AllowAutoRedirect = false,
        });
        var admin = await pinned.PostAsJsonAsync($"https://127.0.0.1:{https}/api/auth/admin", new { key = silo.AdminKey }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("127.0.0.1", SubjectAlternativeNames(seen!));
        Assert.Contains("localhost", SubjectAlternativeNames(seen!));

        // HSTS on https for a name (browsers ignore it for IP addresses, and localhost is left out).
        using var named = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{https}/admin") { Headers = { Host = "arena.venue.lan" } };
        var page = await pinned.SendAsync(named, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());

        // Plain http: redirected to the https port, a POST too (307 keeps the method and body); health stays on http.
        using var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var redirected = await plain.PostAsJsonAsync($"http://127.0.0.1:{http}/api/auth/admin", new { key = silo.AdminKey }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal($"https://127.0.0.1:{https}/api/auth/admin", redirected.Headers.Location!.ToString());
        Assert.False(redirected.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http means nothing and must not be sent.");
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync($"http://127.0.0.1:{http}/health/live", TestContext.Current.CancellationToken)).StatusCode);

        // The same certificate after a restart: tablets that accepted it keep it.
        await silo.KillAsync();
        await silo.StartAsync();
        Assert.Equal(printed, await Printed(silo));
        Assert.Equal(HttpStatusCode.OK, (await pinned.PostAsJsonAsync($"https://127.0.0.1:{https}/api/auth/admin", new { key = silo.AdminKey }, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task an_unknown_https_mode_stops_the_start_with_what_to_set()
    {
        await using var silo = new SiloProcess(settings: new Dictionary<string, string> { ["Arena:Https"] = "letsencrypt" });
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.StartAsync());
        Assert.Contains("Arena:Https is 'letsencrypt': use self-signed", failed.Message);
    }

    private static async Task<string> Printed(SiloProcess silo)
    {
        for (var i = 0; i < 100 && !silo.Output.Contains("SHA-256 fingerprint:"); i++) await Task.Delay(100);
        var match = Regex.Match(silo.Output, @"SHA-256 fingerprint:\s+([0-9A-F:]{95})");
        Assert.True(match.Success, silo.Output);
        return match.Groups[1].Value;
    }

    private static string Fingerprint(X509Certificate2 certificate) => string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2")));

    private static HashSet<string> SubjectAlternativeNames(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(ip => ip.ToString())))];
}
