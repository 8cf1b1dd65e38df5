using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Arena.Web.Api;

/// <summary>
/// The problem details (RFC 7807, <c>application/problem+json</c>) each operation of the HTTP API can answer, in its
/// OpenAPI description. The successes are typed results; the refusals are thrown (<see cref="ArenaProblem"/>) from the
/// rules, so they are declared here from the same facts that produce them, one rule each:
/// <list type="bullet">
/// <item>400: any operation (its body, query and route values are read and checked: <c>ThrowOnBadRequest</c>, <see cref="Require"/>);</item>
/// <item>401 and 403: an operation that needs a token (<see cref="IAuthorizeData"/>: no or a bad token, then the wrong role or final); the sign-ins answer 401 for a wrong key or code;</item>
/// <item>404: an operation on one final (<c>{id}</c> in its route);</item>
/// <item>409: a change of a final (not GET) and the sign-in with a code (a code in use on another device): the state refuses it;</item>
/// <item>413: an operation with a body (more than 1 MB);</item>
/// <item>429: the sign-ins (rate limited per client address);</item>
/// <item>503: an operation on finals (the grain's node went away or the journal moved under it: worth retrying).</item>
/// </list>
/// </summary>
public static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Invalid request: a field, the body, the query or a route value is wrong (problem details; `errors` names each field).",
        [401] = "No token, a token that is not valid, or a wrong admin key or access code.",
        [403] = "The token's role may not do this, or the token is for another final.",
        [404] = "No such final (or no such item of it).",
        [409] = "The final's state refuses this now (e.g. nobody on stage, the round is closed, the results are published).",
        [413] = "The body is larger than 1 MB.",
        [429] = "Too many sign-in attempts from this address; wait a minute.",
        [503] = "Unavailable for a moment (a node went away, the journal is being read again): try again; resubmitting a sheet with the same submissionId is safe.",
    };

    /// <summary>The endpoints mapped on <paramref name="api"/> get their problem responses once all their own conventions have run.</summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText is not { } pattern || !pattern.StartsWith("/api/", StringComparison.Ordinal)) return;
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var reads = methods.Count > 0 && methods.All(m => m is "GET" or "HEAD");
            var authorized = endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any();
            var signIn = endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any();
            var oneFinal = route.RoutePattern.Parameters.Any(p => p.Name == "id");
            var finals = pattern.StartsWith("/api/finals", StringComparison.Ordinal);

            var statuses = new SortedSet<int> { 400 };
            if (authorized) { statuses.Add(401); statuses.Add(403); }
            if (signIn) { statuses.Add(401); statuses.Add(429); }
            if (oneFinal) statuses.Add(404);
            if ((finals && !reads) || pattern.StartsWith("/api/auth/code", StringComparison.Ordinal)) statuses.Add(409);
            if (!reads) statuses.Add(413);
            if (finals || pattern.StartsWith("/api/auth/code", StringComparison.Ordinal)) statuses.Add(503);
            foreach (var status in statuses)
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
        });
        return api;
    }

    /// <summary>Says what each problem status means for Arena, where the generator would only give the reason phrase.</summary>
    public static OpenApiOptions AddProblemDescriptions(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, response) in operation.Responses ?? [])
                if (int.TryParse(status, out var code) && Descriptions.TryGetValue(code, out var text) && response is OpenApiResponse r)
                    r.Description = text;
            return Task.CompletedTask;
        });
}
