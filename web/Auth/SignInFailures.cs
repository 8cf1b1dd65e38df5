using System.Collections.Concurrent;
using Arena.Finals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Auth;

/// <summary>
/// Wrong access codes per final on this node since it started: each one a warning in the log (with the client), the
/// count on <c>GET /api/finals/{id}/sign-in-failures</c> for the admin. Someone guessing codes shows up here long before
/// the rate limit (per client, so it never locks the other tablets out) stops them.
/// </summary>
public sealed class SignInFailures(ILogger<SignInFailures> log)
{
    public sealed record FailuresView(string Final, long Failures, DateTimeOffset? Last);

    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Last)> _byFinal = new();

    public void Record(string final, string client, DateTimeOffset at)
    {
        var now = _byFinal.AddOrUpdate(final, _ => (1, at), (_, c) => (c.Count + 1, at));
        log.LogWarning("Failed sign-in to final {Final} from {Client} ({Failures} on this node)", final, client, now.Count);
    }

    public FailuresView For(string final) =>
        _byFinal.TryGetValue(final, out var c) ? new(final, c.Count, c.Last) : new(final, 0, null);
}

public static class SignInFailuresApi
{
    /// <summary><c>GET /api/finals/{id}/sign-in-failures</c> (admin): <c>{final, failures, last}</c> on the node that answers.</summary>
    public static IEndpointRouteBuilder MapSignInFailuresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/finals/{id}/sign-in-failures", async (string id, HttpContext http, IGrainFactory grains, SignInFailures failures) =>
        {
            http.User.RequireAdmin();
            await grains.GetGrain<IFinalGrain>(id).Get(); // 404 for an unknown final
            return TypedResults.Ok(failures.For(id));
        }).RequireAuthorization().WithTags("access");
        return app;
    }
}
