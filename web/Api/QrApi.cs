using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Arena.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QRCoder;

namespace Arena.Web.Api;

/// <summary>
/// QR codes of the sign-in links, drawn by the server (no internet at a venue, no QR library in the browser):
/// the admin page prints one per judge tablet. Only codes already issued are drawn: issuing a judge's code
/// replaces the previous one, which a GET must never do.
/// </summary>
public static class QrApi
{
    public static IEndpointRouteBuilder MapQrApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/finals/{id}/qr", async (string id, string? role, string? subject, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            http.User.RequireAdmin();
            var r = Require.Field(role, "role").ToLowerInvariant();
            var s = string.IsNullOrWhiteSpace(subject) ? r : subject.Trim();
            await grains.GetGrain<IFinalGrain>(id).Get(); // 404 for an unknown final
            var code = (await grains.GetGrain<IAccessGrain>(id).List())
                .Where(c => c.Role == r && c.Subject == s && c.Revoked is null).MaxBy(c => c.Issued)
                ?? throw ArenaProblem.NotFound($"No {r} code has been issued for '{s}' in final {id}; issue one first.");
            var url = links.Link(http.Request, $"{r}?final={Uri.EscapeDataString(id)}&code={code.Code}");
            using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(8);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(svg, "image/svg+xml; charset=utf-8");
        }).RequireAuthorization().WithTags("access");
        return app;
    }
}
