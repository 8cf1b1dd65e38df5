using System.Security.Cryptography;
using System.Text;
using Arena.Web.Api;
using Arena.Web.Auth;

namespace Arena.Silo.Telemetry;

/// <summary>
/// <c>/metrics</c> tells who is connected and how busy each node is: only the admin (a token) or a scraper holding
/// <c>Arena:MetricsKey</c> (<c>Authorization: Bearer &lt;key&gt;</c>, Prometheus' <c>authorization</c> setting) reads it.
/// The key is a long-lived secret of its own, so a scraper never holds an admin token (which expires and opens everything).
/// </summary>
internal static class MetricsAccess
{
    public static WebApplication UseMetricsAccess(this WebApplication app)
    {
        var key = app.Configuration["Arena:MetricsKey"] is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k) : null;
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/metrics") || Scraper(http, key)) return next(http);
            if (http.User.Identity?.IsAuthenticated != true)
                throw new ArenaProblem(401, "Unauthorized", "/metrics needs the admin's token or Arena:MetricsKey as a bearer token.");
            http.User.RequireAdmin();
            return next(http);
        });
        return app;
    }

    private static bool Scraper(HttpContext http, byte[]? key) =>
        key is not null && http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), key);
}
