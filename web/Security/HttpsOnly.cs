using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Security;

/// <summary>The node serves https on this port (its own certificate or a configured one): plain http is sent there.</summary>
public sealed record HttpsPort(int Port);

/// <summary>
/// Once a node serves https, tokens should never travel in clear again: every plain-http request is redirected to
/// the https port (307, so a tablet's POST is repeated as a POST) and https answers carry HSTS, so a browser that has
/// seen the node once goes to https by itself. Health probes stay reachable over http: load balancers and the tests'
/// readiness checks call them there. Browsers ignore HSTS for IP addresses (RFC 6797 §8.1), so tablets that open the
/// node by address rely on the redirect; localhost is left out as ASP.NET Core does (a developer's other servers).
/// </summary>
public static class HttpsOnly
{
    public static IServiceCollection AddArenaHttpsOnly(this IServiceCollection services, int port)
    {
        services.AddSingleton(new HttpsPort(port));
        services.AddHttpsRedirection(o => { o.HttpsPort = port; o.RedirectStatusCode = StatusCodes.Status307TemporaryRedirect; });
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = false; });
        return services;
    }

    public static WebApplication UseArenaHttpsOnly(this WebApplication app)
    {
        if (app.Services.GetService<HttpsPort>() is null) return app;
        app.UseHsts();
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        return app;
    }
}
