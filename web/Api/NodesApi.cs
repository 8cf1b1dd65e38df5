using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Api;

/// <summary>
/// <c>Arena:Nodes</c>: the public base URLs of every node of a cluster (comma-separated). The pages read them from
/// <c>GET /api/nodes</c> and move their API calls and hub connections to the next node when theirs stops answering;
/// the API and the hubs accept those origins (CORS). Empty (the default): one node, no CORS, nothing changes.
/// </summary>
public static class NodesApi
{
    public const string CorsPolicy = "arena-nodes";

    public sealed record NodesView(IReadOnlyList<string> Nodes);

    /// <summary>The configured nodes as origins (<c>scheme://host:port</c>), in the configured order, without repeats.</summary>
    public static IReadOnlyList<string> Origins(IConfiguration configuration) =>
        [.. (configuration["Arena:Nodes"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Origin)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"Arena:Nodes: \"{url}\" is not an http(s) address such as http://10.0.0.11:5080.");

    public static IServiceCollection AddArenaNodes(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        services.AddSingleton(new NodesView(origins));
        // Bearer tokens, no cookies: the other nodes' pages need no credentials mode, only the authorization header.
        if (origins.Count > 0)
            services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithOrigins([.. origins]).AllowAnyHeader().AllowAnyMethod()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    public static WebApplication UseArenaNodes(this WebApplication app)
    {
        if (app.Services.GetRequiredService<NodesView>().Nodes.Count > 0) app.UseCors(CorsPolicy);
        return app;
    }

    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/nodes", (NodesView nodes) => TypedResults.Ok(nodes)).AllowAnonymous().WithTags("nodes");
        return app;
    }
}
