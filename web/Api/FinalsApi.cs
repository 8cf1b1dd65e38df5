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
    public sealed record AccessResponse(string Code, string Url, string Role, string Subject);

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
            http.User.For(id, AccessRoles.Admin, AccessRoles.Auditor);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Get());
        });

        finals.MapPost("/{id}/access", async (string id, AccessRequest? body, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            http.User.RequireAdmin();
            var b = Require.Body(body);
            var role = Require.Field(b.Role, "role").ToLowerInvariant();
            if (!AccessRoles.Issuable.Contains(role))
                throw ArenaProblem.Invalid($"role must be one of {string.Join(", ", AccessRoles.Issuable)}.", [new FieldError("role", "unknown role")]);
            var definition = (await grains.GetGrain<IFinalGrain>(id).Get()).Definition;
            var subject = b.Subject?.Trim() ?? "";
            if (role == AccessRoles.Judge && !definition.Judges.Any(j => j.Id == subject))
                throw ArenaProblem.Invalid($"Final {id} has no judge '{subject}'.", [new FieldError("subject", "not a judge of this final")]);
            if (subject.Length > 100) throw ArenaProblem.Invalid("subject is too long.", [new FieldError("subject", "at most 100 characters")]);
            var code = await grains.GetGrain<IAccessGrain>(id).Issue(role, subject.Length == 0 ? role : subject);
            var url = links.Link(http.Request, $"{role}?final={Uri.EscapeDataString(id)}&code={code.Code}");
            return TypedResults.Ok(new AccessResponse(code.Code, url, code.Role, code.Subject));
        });

        finals.MapGet("/{id}/access", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            http.User.RequireAdmin();
            await grains.GetGrain<IFinalGrain>(id).Get();
            return TypedResults.Ok(await grains.GetGrain<IAccessGrain>(id).List());
        });
        return app;
    }
}
