using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Arena.Web.Security;

/// <summary>
/// The base of every link the server issues (sign-in links, their QR codes). <c>Arena:PublicUrl</c> when configured
/// (behind a proxy, or a name in the venue's DNS); otherwise the address the request came to, but only when it is one
/// this node listens on: the <c>Host</c> header is the client's to write, and a link built from a forged one would send
/// a judge's code to someone else's server. Anything else gets the node's first listening address (a LAN one when it
/// listens on every interface).
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IServer server)
{
    private readonly string? _configured = Configured(configuration);

    public static string? Configured(IConfiguration configuration) =>
        configuration["Arena:PublicUrl"] is { Length: > 0 } url
            ? Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
                ? uri.GetLeftPart(UriPartial.Authority)
                : throw new InvalidOperationException($"Arena:PublicUrl must be an http(s) origin such as https://arena.venue.lan (the pages live at the root), not '{url}'.")
            : null;

    /// <summary>An issued link: <c>{base}/{path}</c>.</summary>
    public string Link(HttpRequest request, string path) => Base(request) + "/" + path.TrimStart('/');

    public string Base(HttpRequest request)
    {
        if (_configured is not null) return _configured;
        var own = Own();
        var asked = $"{request.Scheme}://{request.Host.Value}".TrimEnd('/');
        return own.FirstOrDefault(o => string.Equals(o, asked, StringComparison.OrdinalIgnoreCase))
            ?? own.FirstOrDefault(o => !IsLoopback(o)) ?? own.FirstOrDefault() ?? throw new InvalidOperationException("The server listens nowhere.");
    }

    /// <summary>Every <c>scheme://host:port</c> this node answers on: its bound addresses, a wildcard one expanded to this machine's addresses.</summary>
    private List<string> Own()
    {
        var bases = new List<string>();
        foreach (var bound in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            if (!Uri.TryCreate(bound.Replace("://+:", "://0.0.0.0:").Replace("://*:", "://0.0.0.0:"), UriKind.Absolute, out var uri)) continue;
            var hosts = uri.Host is "0.0.0.0" or "[::]" ? MachineHosts() : [uri.Host];
            bases.AddRange(hosts.Select(h => $"{uri.Scheme}://{h}:{uri.Port}"));
        }
        return bases;
    }

    private static IEnumerable<string> MachineHosts() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !a.IsIPv6LinkLocal)
            .OrderBy(IPAddress.IsLoopback)
            .Select(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString())
            .Append("localhost");

    private static bool IsLoopback(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
}
