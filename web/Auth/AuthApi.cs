using Arena.Access;
using Arena.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Auth;

public static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public sealed record TokenResponse(string Token, string Role, string Subject, string? FinalId);

    /// <summary>
    /// Sign-in: the admin key, or an access code of a final. Rate limited: codes must not be guessable by brute force.
    /// A code signs in one device (<c>device</c>: a random id the page keeps; a client that sends none is the device
    /// ""): the same device may sign in again (tokens run out after 24 h), another is refused (409) until the admin
    /// releases the code.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").RequireRateLimiting(RateLimitPolicy).WithTags("auth");
        auth.MapPost("/admin", (AdminSignIn? body, ArenaKeys keys, Tokens tokens) =>
        {
            var key = Require.Field(Require.Body(body).Key, "key");
            if (!keys.IsAdminKey(key)) throw new ArenaProblem(401, "Unauthorized", "The admin key is wrong.");
            return TypedResults.Ok(new TokenResponse(tokens.Issue(AccessRoles.Admin, null, "admin"), AccessRoles.Admin, "admin", null));
        });
        auth.MapPost("/code", async Task<Ok<TokenResponse>> (CodeSignIn? body, IGrainFactory grains, Tokens tokens, HttpContext http, SignInFailures failures, TimeProvider clock) =>
        {
            var b = Require.Body(body);
            var final = Require.Field(b.FinalId, "finalId");
            var code = Require.Field(b.Code, "code");
            var device = b.Device?.Trim() ?? "";
            if (device.Length > 100) throw ArenaProblem.Invalid("device is too long.", [new FieldError("device", "at most 100 characters")]);
            AccessCode grant;
            try { grant = await grains.GetGrain<IAccessGrain>(final).Redeem(code, device); }
            catch (ArenaProblem p) when (p.Status == 401)
            {
                failures.Record(final, Security.ClientAddresses.Key(http), clock.GetUtcNow());
                throw;
            }
            return TypedResults.Ok(new TokenResponse(tokens.Issue(grant.Role, final, grant.Subject, grant.Id), grant.Role, grant.Subject, final));
        });
        return app;
    }
}
