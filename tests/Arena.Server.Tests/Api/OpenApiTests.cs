using System.Text.Json.Nodes;
using Arena.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Server.Tests.Api;

/// <summary>GET /openapi/v1.json describes the HTTP API the app really maps: every route, with its methods.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task the_openapi_document_lists_every_api_route_the_app_maps()
    {
        var data = Directory.CreateTempSubdirectory("arena-openapi-").FullName;
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Arena:DataDir", data).UseSetting("Arena:AdminKey", "k").UseSetting("Arena:SiloPort", SiloProcess.FreePort().ToString())
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();

        // What the app maps under /api (pages, hubs, health and metrics are not the HTTP API).
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normal(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        Assert.True(mapped.Count > 30, string.Join("\n", mapped));
        Assert.Empty(mapped.Except(documented));
        Assert.Equal("Arena", document["info"]!["title"]!.GetValue<string>());
        Assert.Contains("POST /api/finals/{id}/scores", documented);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    // "/api/cluster/" maps the same path as "/api/cluster".
    private static string Normal(string route) => route.Length > 1 ? route.TrimEnd('/') : route;
}
