using Arena.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Security;

/// <summary>
/// The headers every response carries, pages and API alike. The pages load nothing but their own scripts and styles
/// (no inline script, no style attribute: CSS classes only), so <c>default-src 'self'</c> holds; QR codes are drawn
/// as <c>data:</c> images; the pages call the other nodes of <c>Arena:Nodes</c> (HTTP and hub websockets). No page may
/// be framed (clickjacking a chief's tablet), and links carry access codes, so no referrer ever leaves.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The one page that may be framed by anyone (a streaming overlay, should one exist).</summary>
    public static string FrameAncestors(PathString path) => path.StartsWithSegments("/overlay") ? "*" : "'none'";

    public static string ContentSecurityPolicy(IEnumerable<string> nodes, PathString path) =>
        "default-src 'self'; img-src 'self' data:; " +
        $"connect-src {string.Join(' ', ["'self'", .. nodes.SelectMany(n => new[] { n, WebSocket(n) })])}; " +
        $"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {FrameAncestors(path)}";

    private static string WebSocket(string origin) =>
        origin.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? "wss:" + origin[6..] : "ws:" + origin[5..];

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var nodes = app.Services.GetRequiredService<NodesApi.NodesView>().Nodes;
        app.Use((http, next) =>
        {
            // On starting, not now: an error page (the exception handler clears the response) carries them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nodes, http.Request.Path);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (FrameAncestors(http.Request.Path) == "'none'") headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
