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
        Auth.AdminBrowserSession.Covers(path) ? AdminToolPolicy(path) :
        "default-src 'self'; img-src 'self' data:; " +
        $"connect-src {string.Join(' ', ["'self'", .. nodes.SelectMany(n => new[] { n, WebSocket(n) })])}; " +
        $"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {FrameAncestors(path)}";

    /// <summary>
    /// The Orleans dashboard and the Scalar reference are other people's pages: they set inline styles and embed fonts
    /// as data, and Scalar starts with an inline module script and compiles code at run time (eval). They are shown to
    /// the signed-in admin only and carry no text from judges or the public, so inline styles (both) and Scalar's inline
    /// script and eval are allowed there and nowhere else; everything still comes from this server alone.
    /// </summary>
    private static string AdminToolPolicy(PathString path) =>
        "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        $"script-src 'self'{(path.StartsWithSegments("/reference") ? " 'unsafe-inline' 'unsafe-eval'" : "")}; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
