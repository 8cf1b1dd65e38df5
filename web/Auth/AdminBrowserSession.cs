using System.Net;
using Arena.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Auth;

/// <summary>
/// Pages that are not Arena's own and so cannot send a bearer token — the Orleans dashboard (<c>/dashboard</c>) and
/// the API reference (<c>/reference</c>) — are opened by the admin's browser with a cookie instead. The admin page,
/// once signed in, calls <c>POST /api/auth/browser-session</c> with its token; the answer sets that token as an
/// HttpOnly, SameSite=Strict cookie (Secure over https) that runs out with the token. The cookie is read only on
/// <see cref="Paths"/>, never for the API, so it opens nothing a forged cross-site request could use. Signing out on
/// the admin page deletes it (<c>DELETE</c>, no token needed).
/// </summary>
public static class AdminBrowserSession
{
    public const string Cookie = "arena-admin";

    public static readonly PathString[] Paths = ["/dashboard", "/reference"];

    public static bool Covers(PathString path) => Paths.Any(p => path.StartsWithSegments(p));

    /// <summary>The token the cookie carries, on the covered paths only (for the bearer handler).</summary>
    public static string? Token(HttpRequest request) =>
        Covers(request.Path) && request.Headers.Authorization.Count == 0 && request.Cookies.TryGetValue(Cookie, out var token) ? token : null;

    public static IEndpointRouteBuilder MapAdminBrowserSession(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/auth/browser-session").WithTags("auth");
        session.MapPost("", (HttpContext http) =>
        {
            http.User.RequireAdmin();
            var header = http.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
                throw ArenaProblem.Invalid("Send the admin's token as 'Authorization: Bearer <token>'; the cookie carries that token.");
            var expires = http.User.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow + Tokens.Lifetime;
            http.Response.Cookies.Append(Cookie, header["Bearer ".Length..].Trim(), Options(http, expires));
            return TypedResults.NoContent();
        }).RequireAuthorization();
        session.MapDelete("", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(Cookie, Options(http, null));
            return TypedResults.NoContent();
        });
        return app;
    }

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>On the covered paths, only the signed-in admin gets through; anyone else gets a short page pointing to the admin page.</summary>
    public static WebApplication UseAdminBrowserSession(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!Covers(http.Request.Path) || http.User.Caller().Role == Access.AccessRoles.Admin)
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>Arena</title>" +
                "<p>请先在<a href=\"/admin\">管理页</a>用管理员密钥登录，再打开此页。</p>" +
                $"<p lang=\"en\">Sign in on the <a href=\"/admin\">admin page</a> with the admin key first, then open {WebUtility.HtmlEncode(http.Request.Path)} again.</p></html>");
        });
        return app;
    }
}
