using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Server.Tests.Api;

/// <summary>GET /openapi/v1.json describes the HTTP API the app really maps: every route, with its methods and the problems it answers.</summary>
public sealed class OpenApiTests(ServerFixture server)
{
    [Fact]
    public async Task the_problems_the_server_really_answers_are_documented_for_their_operation_as_problem_json()
    {
        var document = JsonNode.Parse((await server.Admin.Get("openapi/v1.json")).Body)!;
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated());
        using var screen = await final.Admin.SignIn(final.Id, "screen", "hall");
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        var scores = $"api/finals/{final.Id}/scores";
        var sheet = new { submissionId = "x", contestant = "c1", round = "main", score = 80 };
        var seen = new List<(string Method, string Path, Reply Reply)>
        {
            ("post", "/api/finals/{id}/scores", await final.Score("j2", "c1", 80)),                       // 409: nobody on stage
            ("post", "/api/finals/{id}/scores", await final.Judges["j2"].Post(scores, "{\"score\": \"many\"}")), // 400
            ("post", "/api/finals/{id}/scores", await anonymous.Post(scores, sheet)),                     // 401
            ("post", "/api/finals/{id}/scores", await screen.Post(scores, sheet)),                        // 403
            ("post", "/api/finals/{id}/scores", await final.Judges["j2"].Post("api/finals/nope/scores", sheet)), // 403 (another final's token)
            ("get", "/api/finals/{id}/standings", await final.Admin.Get("api/finals/nope/standings")),    // 404
            ("post", "/api/finals/{id}/stage", await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c9", round = "main" })),
            ("post", "/api/auth/admin", await anonymous.Post("api/auth/admin", new { key = "wrong" })),  // 401
            ("post", "/api/auth/code", await anonymous.Post("api/auth/code", new { finalId = final.Id })), // 400
        };
        foreach (var (method, path, reply) in seen)
        {
            var status = ((int)reply.Status).ToString();
            Assert.True(reply.Status >= System.Net.HttpStatusCode.BadRequest, $"{method} {path}: {reply}");
            Assert.Equal("application/problem+json", reply.MediaType);
            var response = document["paths"]![path]![method]!["responses"]![status];
            Assert.True(response is not null, $"{method.ToUpperInvariant()} {path} answered {status}, which its description does not list");
            Assert.Equal("#/components/schemas/ProblemDetails", response["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        }
        // And nothing a read cannot answer: a GET changes no state and takes no body.
        var standings = document["paths"]!["/api/finals/{id}/standings"]!["get"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.Equal(["200", "400", "401", "403", "404", "503"], standings);
    }

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
