using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Security;

/// <summary>
/// Who the client is, behind a reverse proxy too. <c>Arena:KnownProxies</c> (addresses) and <c>Arena:KnownNetworks</c>
/// (CIDR ranges), comma-separated: only a request from one of them may name its client in <c>X-Forwarded-For</c> and
/// its scheme in <c>X-Forwarded-Proto</c>; anyone else's headers are ignored (else any guest could pose as any client).
/// Without them nothing is forwarded and the client is the connection's address. The Host header is never taken
/// from a proxy: links use <c>Arena:PublicUrl</c>.
/// </summary>
public static class ClientAddresses
{
    public static IServiceCollection AddArenaForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration["Arena:KnownProxies"]).Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidOperationException($"Arena:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = List(configuration["Arena:KnownNetworks"]).Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"Arena:KnownNetworks: '{n}' is not a CIDR range such as 10.0.0.0/24.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
        return services;
    }

    /// <summary>First in the pipeline, so that rate limits, logs and the https redirect see the real client.</summary>
    public static WebApplication UseArenaForwarding(this WebApplication app)
    {
        if (List(app.Configuration["Arena:KnownProxies"]).Any() || List(app.Configuration["Arena:KnownNetworks"]).Any())
            app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// The key a client is limited by: its IPv4 address, or the /64 of its IPv6 address (one device or home gets a
    /// whole /64 and can pick any address in it).
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
