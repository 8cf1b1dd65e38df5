using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>The event day: withdrawals and no-shows, the public draw, the award ceremony. The grain decides who may.</summary>
public static class EventDayApi
{
    public sealed record DrawResponse(string? Commitment, string? Seed, IReadOnlyList<string>? Order, long Version);

    public static IEndpointRouteBuilder MapEventDayApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").RequireAuthorization().WithTags("event day");

        // The admin or the chief judge (a judge's token; the model lets only the chief through).
        final.MapPost("/withdrawals", async (string id, WithdrawalRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Judge);
            var b = Require.Body(body);
            return TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).Withdraw(
                Require.Field(b.Contestant, "contestant"), b.Kind ?? "", b.Reason ?? "", caller)));
        });

        // The reason comes in the body ({reason}) or, for clients that send no body with DELETE, as ?reason=.
        final.MapDelete("/withdrawals/{contestant}", async (string id, string contestant, string? reason,
            [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReasonRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Judge);
            return TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).UndoWithdrawal(
                contestant, body?.Reason ?? reason ?? "", caller)));
        });

        final.MapPost("/draw/commit", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Operator);
            var draw = await grains.GetGrain<IFinalGrain>(id).CommitDraw(caller);
            return TypedResults.Ok(new DrawResponse(draw.Commitment, null, null, draw.Seq));
        });

        final.MapPost("/draw/reveal", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Operator);
            var draw = await grains.GetGrain<IFinalGrain>(id).RevealDraw(caller);
            return TypedResults.Ok(new DrawResponse(draw.Commitment, draw.Seed, draw.Order, draw.Seq));
        });

        // The ceremony is the show's: the admin, the operator or the chief judge.
        final.MapPost("/ceremony/reveal", async (string id, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).RevealAwardTier(ShowRunner(id, http)))));
        final.MapPost("/ceremony/hold", async (string id, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).HoldRanking(ShowRunner(id, http)))));
        final.MapPost("/ceremony/release", async (string id, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(new ScoringApi.VersionResponse(await grains.GetGrain<IFinalGrain>(id).ReleaseRanking(ShowRunner(id, http)))));
        return app;
    }

    private static Caller ShowRunner(string id, HttpContext http) =>
        http.User.For(id, AccessRoles.Admin, AccessRoles.Operator, AccessRoles.Judge);
}
