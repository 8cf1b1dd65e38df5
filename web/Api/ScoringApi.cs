using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Arena.Web.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>The show: the stage, judges' sheets, and the chief judge's corrections and publication.</summary>
public static class ScoringApi
{
    public sealed record VersionResponse(long Version);

    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").RequireAuthorization().WithTags("scoring");

        final.MapPost("/stage", async (string id, StageRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var (grain, caller) = ShowRunner(id, http, grains);
            var b = Require.Body(body);
            var stage = new Stage(Require.Field(b.Contestant, "contestant"), Require.Field(b.Round, "round"));
            return TypedResults.Ok(new VersionResponse(await grain.Call(stage, caller)));
        });

        final.MapPost("/screen", async (string id, ScreenModeRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var (grain, caller) = ShowRunner(id, http, grains);
            return TypedResults.Ok(new VersionResponse(await grain.SetMode(Require.Field(Require.Body(body).Mode, "mode"), caller)));
        });

        final.MapPost("/timer", async (string id, TimerRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var (grain, caller) = ShowRunner(id, http, grains);
            var b = Require.Body(body);
            return TypedResults.Ok(new VersionResponse(await grain.Timer(Require.Field(b.Action, "action"), b.Seconds, caller)));
        });

        final.MapPost("/scores", async (string id, ScoreRequest? body, HttpContext http, FinalGrains finals, ArenaMetrics metrics) =>
        {
            var caller = http.User.For(id, AccessRoles.Judge);
            return TypedResults.Ok(await metrics.Sheet("http", () => finals[id].Submit(ToSheet(body), caller)));
        });

        final.MapPost("/sheets/reopen", async (string id, ReopenRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Judge);
            var b = Require.Body(body);
            return TypedResults.Ok(new VersionResponse(await grains.GetGrain<IFinalGrain>(id).Reopen(
                Require.Field(b.Contestant, "contestant"), Require.Field(b.Round, "round"), Require.Field(b.Judge, "judge"), b.Reason ?? "", caller)));
        });

        final.MapPost("/adjustments", async (string id, AdjustmentRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Judge);
            var b = Require.Body(body);
            var points = b.Points ?? throw ArenaProblem.Invalid("'points' is required.", [new FieldError("points", "required")]);
            var round = string.IsNullOrWhiteSpace(b.Round) ? null : b.Round.Trim();
            return TypedResults.Ok(new VersionResponse(await grains.GetGrain<IFinalGrain>(id).Adjust(
                Require.Field(b.Contestant, "contestant"), round, points, b.Reason ?? "", caller)));
        });

        final.MapPost("/close", async (string id, CloseRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Judge);
            var b = Require.Body(body);
            return TypedResults.Ok(new VersionResponse(await grains.GetGrain<IFinalGrain>(id).Close(
                Require.Field(b.Contestant, "contestant"), Require.Field(b.Round, "round"), b.Reason ?? "", caller)));
        });

        final.MapPost("/publish", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Judge);
            return TypedResults.Ok(new VersionResponse(await grains.GetGrain<IFinalGrain>(id).Publish(caller)));
        });
        return app;
    }

    /// <summary>A judge's sheet as both transports (HTTP and the judge hub) take it.</summary>
    public static SubmitSheet ToSheet(ScoreRequest? body)
    {
        var b = Require.Body(body);
        return new SubmitSheet(Require.Field(b.SubmissionId, "submissionId"), Require.Field(b.Contestant, "contestant"),
            Require.Field(b.Round, "round"), b.Criteria, b.Score);
    }

    /// <summary>Running the show (stage, screen, timer): the admin, the operator or a judge (the grain lets only the chief through).</summary>
    private static (IFinalGrain, Caller) ShowRunner(string id, HttpContext http, IGrainFactory grains) =>
        (grains.GetGrain<IFinalGrain>(id), http.User.For(id, AccessRoles.Admin, AccessRoles.Operator, AccessRoles.Judge));
}
