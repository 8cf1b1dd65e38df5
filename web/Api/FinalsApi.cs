using Arena.Access;
using Arena.Finals;
using Arena.Scoring;
using Arena.Web.Auth;
using Arena.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

public static class FinalsApi
{
    public sealed record Created(string Id);

    public static IEndpointRouteBuilder MapFinalsApi(this IEndpointRouteBuilder app)
    {
        var finals = app.MapGroup("/api/finals").RequireAuthorization().WithTags("finals");

        finals.MapPost("/", async Task<Created<Created>> (HttpRequest request, IGrainFactory grains) =>
        {
            request.HttpContext.User.RequireAdmin();
            using var reader = new StreamReader(request.Body);
            var (definition, problems) = DefinitionJson.Parse(await reader.ReadToEndAsync());
            if (definition is null || problems.Count > 0)
                throw ArenaProblem.Invalid("The final definition is not valid: " + string.Join("; ", problems), FieldError.From(problems));
            await grains.GetGrain<IFinalGrain>(definition.Id).Create(definition, request.HttpContext.User.Caller());
            return TypedResults.Created($"/api/finals/{definition.Id}", new Created(definition.Id));
        });

        finals.MapGet("/", async (HttpContext http, IGrainFactory grains) =>
        {
            http.User.RequireAdmin();
            var ids = await grains.GetGrain<IFinalsIndexGrain>(0).List();
            return TypedResults.Ok(await Task.WhenAll(ids.Select(id => grains.GetGrain<IFinalGrain>(id).Summary())));
        });

        finals.MapGet("/{id}", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Auditor);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Info(caller));
        });

        return app;
    }
}
