using Arena.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>
/// Devices: the access codes of a final (admin only). Issuing, revoking and releasing go through the final grain, which
/// journals them (no secrets); the list comes from the access grain and carries the secret of codes still in use, so
/// the admin page can show their links and QR codes again (a revoked code's secret is forgotten).
/// </summary>
public static class AccessApi
{
    public sealed record AccessResponse(string Id, string Code, string Url, string Role, string Subject);

    public sealed record AccessListItem(string Id, string Role, string Subject, DateTimeOffset IssuedAt, DateTimeOffset? RedeemedAt,
        string State, string? Code, string? Url, DateTimeOffset? RevokedAt, string? Reason);

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/finals/{id}/access").RequireAuthorization().WithTags("access");

        access.MapPost("/", async (string id, AccessRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin);
            var b = Require.Body(body);
            var role = Require.Field(b.Role, "role").ToLowerInvariant();
            var subject = b.Subject?.Trim() ?? "";
            var code = await grains.GetGrain<IFinalGrain>(id).IssueAccess(role, subject.Length == 0 ? role : subject, caller);
            return TypedResults.Ok(new AccessResponse(code.Id, code.Code, Url(http, id, code), code.Role, code.Subject));
        });

        access.MapGet("/", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin);
            await grains.GetGrain<IFinalGrain>(id).Info(caller); // 404 for an unknown final
            var codes = await grains.GetGrain<IAccessGrain>(id).List();
            return TypedResults.Ok(codes.OrderBy(c => c.Issued).Select(c => new AccessListItem(c.Id, c.Role, c.Subject, c.Issued, c.Redeemed, c.State,
                c.Revoked is null ? c.Code : null, c.Revoked is null ? Url(http, id, c) : null, c.Revoked, c.RevokedReason)));
        });

        // The reason comes as ?reason=… or as a JSON body {reason}: a DELETE with a body is not sent by every client.
        access.MapDelete("/{codeId}", async (string id, string codeId, string? reason, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin);
            await grains.GetGrain<IFinalGrain>(id).RevokeAccess(codeId, reason ?? await BodyReason(http), caller);
            return TypedResults.NoContent();
        });

        access.MapPost("/{codeId}/release", async (string id, string codeId, string? reason, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin);
            await grains.GetGrain<IFinalGrain>(id).ReleaseAccess(codeId, reason ?? await BodyReason(http), caller);
            return TypedResults.NoContent();
        });
        return app;
    }

    // Arena:PublicUrl, or an address this node listens on: never the request's Host header (Security/PublicLinks).
    private static string Url(HttpContext http, string finalId, AccessCode code) =>
        http.RequestServices.GetRequiredService<PublicLinks>().Link(http.Request, $"{code.Role}?final={Uri.EscapeDataString(finalId)}&code={code.Code}");

    private static async Task<string> BodyReason(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || !http.Request.HasJsonContentType()) return "";
        return (await http.Request.ReadFromJsonAsync<ReasonRequest>(http.RequestAborted))?.Reason ?? "";
    }
}
