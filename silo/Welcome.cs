using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Arena.Silo.Https;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Arena.Silo;

/// <summary>
/// What a new user needs from the console once the server is up: the address to open, and the admin key (printed
/// only on the start that generated it, else where it is kept). Between ASP.NET Core's and Orleans' log lines this is
/// easy to miss, so it is plain text, set apart. Tablets cannot reach <c>localhost</c>: when the server listens on
/// every interface the LAN addresses are listed for them; when only on loopback, how to open it to the LAN.
/// With <c>Arena:OpenBrowser</c> (the release folders' start scripts set it) the admin page also opens in the
/// machine's browser, so a double-click ends on the sign-in page.
/// </summary>
public sealed class Welcome(IHostApplicationLifetime lifetime, IServer server, ArenaKeys keys, IConfiguration configuration,
    ILogger<Welcome> logger, SelfSignedCertificate? certificate = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine(Text());
            if (configuration.GetValue("Arena:OpenBrowser", false) && Addresses().Select(Browsable).FirstOrDefault() is { } first)
                OpenBrowser(new Uri(first, "admin"));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<Uri> Addresses() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(a => Uri.TryCreate(a.Replace("://+:", "://0.0.0.0:").Replace("://*:", "://0.0.0.0:"), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>().ToList();

    /// <summary>The platform's own way to open a link: the shell on Windows, <c>open</c> on macOS, <c>xdg-open</c> elsewhere.
    /// A machine without a desktop only gets a log line; the printed address still works.</summary>
    private void OpenBrowser(Uri page)
    {
        try
        {
            var info = OperatingSystem.IsWindows() ? new ProcessStartInfo(page.ToString()) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [page.ToString()]) { UseShellExecute = false };
            using var _ = Process.Start(info);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            logger.LogWarning("Could not open a browser on {Page} ({Reason}); open it by hand.", page, e.Message);
        }
    }

    private string Text()
    {
        var addresses = Addresses();
        var local = addresses.Select(Browsable).Distinct().ToList();
        var lines = new List<string> { "", "==== Arena is running ====" };
        lines.AddRange(local.Select(u => $"  Open {u} in a browser (start with the admin page: {u}admin)"));
        var anyInterface = addresses.Any(a => a.Host is "0.0.0.0" or "[::]");
        if (anyInterface)
            lines.AddRange(LanAddresses().SelectMany(ip => addresses.Select(a => $"  Tablets on the venue network: {a.Scheme}://{ip}:{a.Port}/")).Distinct());
        else
            lines.Add("  Tablets on the venue network need e.g. --urls http://0.0.0.0:5080 (this address is this machine only).");
        if (certificate is not null)
        {
            lines.Add($"  HTTPS certificate ({(certificate.Created ? "new, self-signed" : "self-signed")}, {certificate.Path}) SHA-256 fingerprint:");
            lines.Add($"    {certificate.Fingerprint}");
            lines.Add("    A tablet shows this fingerprint when it warns about the certificate: accept it only if they match.");
            if (certificate.Missing.Count > 0)
                lines.Add($"  The certificate does not name {string.Join(", ", certificate.Missing)}: tablets using those get a name warning. " +
                    $"Delete {certificate.Path} to make a new one (every tablet then trusts it anew).");
        }
        lines.Add(keys.AdminKeyFile is null ? "  Admin key: the one configured (Arena:AdminKey)."
            : keys.AdminKeyGenerated ? $"  Admin key: {keys.AdminKey}  (new; kept in {keys.AdminKeyFile}, printed only this once)"
            : $"  Admin key: in {keys.AdminKeyFile}");
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    private static Uri Browsable(Uri bound) =>
        bound.Host is "0.0.0.0" or "[::]" ? new UriBuilder(bound) { Host = "localhost" }.Uri : bound;

    private static IEnumerable<IPAddress> LanAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork);
}
