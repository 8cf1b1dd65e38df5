using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>
/// Two-person sign-off (a final whose definition has <c>signOff: true</c>): the chief judge's adjustments and
/// publication wait, listed in <c>GET …/info</c> as <c>signOff.pending</c>, until a supervisor (监督) answers with a
/// reason. The grain decides who may (a supervisor only: not the chief, not the admin).
/// </summary>
public static class SignOffApi
{
    public static IEndpointRouteBuilder MapSignOffApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}/sign-off/{proposal}").RequireAuthorization().WithTags("sign-off");
        final.MapPost("/confirm", async (string id, string proposal, ReasonRequest? body, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).ConfirmSignOff(proposal, body?.Reason ?? "", Supervisor(id, http)))));
        final.MapPost("/refuse", async (string id, string proposal, ReasonRequest? body, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).RefuseSignOff(proposal, body?.Reason ?? "", Supervisor(id, http)))));
        return app;
    }

    // Anyone with a token for the final gets the model's answer (403 naming the supervisor), not a bare role refusal.
    private static Caller Supervisor(string id, HttpContext http) =>
        http.User.For(id, AccessRoles.Supervisor, AccessRoles.Judge, AccessRoles.Admin, AccessRoles.Auditor, AccessRoles.Operator, AccessRoles.Screen);
}
