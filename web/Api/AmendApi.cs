using Arena.Finals;
using Arena.Scoring;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>
/// <c>PUT /api/finals/{id}</c> <c>{definition, reason}</c>: the admin amends a final. 200 <c>{changed, version, changes,
/// before, after, stored}</c>; <c>?dryRun=true</c> answers the same without storing (no reason needed), which is how the
/// admin page shows what would change before it asks for the reason.
/// </summary>
public static class AmendApi
{
    public static IEndpointRouteBuilder MapAmendApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/finals/{id}", async (string id, bool? dryRun, AmendRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            http.User.RequireAdmin();
            var b = Require.Body(body);
            if (b.Definition is not { ValueKind: System.Text.Json.JsonValueKind.Object } json)
                throw ArenaProblem.Invalid("'definition' is required: the whole final definition as when it was created.", [new FieldError("definition", "required")]);
            // Read as POST /api/finals reads it, so the field errors are the same (rounds[1].weight, …).
            var (definition, problems) = DefinitionJson.Parse(json.GetRawText());
            if (definition is null || problems.Count > 0)
                throw ArenaProblem.Invalid("The final definition is not valid: " + string.Join("; ", problems), FieldError.From(problems));
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Amend(definition, b.Reason, dryRun == true, http.User.Caller()));
        }).RequireAuthorization().WithTags("finals");
        return app;
    }
}
