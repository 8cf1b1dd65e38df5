using Arena.Finals;
using Arena.Scoring;
using Arena.Web.Auth;
using Arena.Web.Hubs;
using Arena.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QRCoder;

namespace Arena.Web.Api;

/// <summary>
/// The public live view, <c>/live/{id}</c>: once the admin opens it (<c>POST /api/finals/{id}/public {public, reason}</c>,
/// the event <see cref="PublicViewChanged"/>), anyone may watch what the big screen shows without signing in — the
/// stage, the reveals, the ranking of complete rounds — from the public feed (<see cref="FeedApi"/> without a token)
/// and <c>GET …/public</c> (the names and titles it needs, and the state now). A final that is not public is 404 here.
/// </summary>
public static class PublicApi
{
    /// <summary>What a viewer needs of the definition to put names on the screen state; nothing about judging (no
    /// recusals, panels, rubrics or the chief).</summary>
    public sealed record PublicDefinition(string Id, string Title, IReadOnlyList<PublicRound> Rounds, IReadOnlyList<PublicJudge> Judges,
        IReadOnlyList<PublicContestant> Contestants, RoundingRule Rounding, IReadOnlyList<AwardTier> Awards);
    public sealed record PublicRound(string Id, string Title);
    public sealed record PublicJudge(string Id, string Name);
    public sealed record PublicContestant(string Id, string Name, string? Unit, int Order);
    public sealed record PublicLiveResponse(PublicDefinition Definition, ScreenState State, string Url);

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}/public").WithTags("public");
        final.MapPost("", async (string id, PublicViewRequest? body, HttpContext http, FinalGrains finals) =>
        {
            http.User.RequireAdmin();
            var b = Require.Body(body);
            var open = b.Public ?? throw ArenaProblem.Invalid("'public' is required (true or false).", [new FieldError("public", "required")]);
            return TypedResults.Ok(new ScoringApi.VersionResponse(await finals[id].SetPublic(open, b.Reason, http.User.Caller())));
        }).RequireAuthorization();
        final.MapGet("", async Task<Ok<PublicLiveResponse>> (string id, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            var live = await Live(grains, id);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new PublicLiveResponse(Public(live.Definition), live.State, links.Link(http.Request, LivePath(id))));
        });
        // The QR code the big screen shows between contestants: the public view's address, for phones in the hall.
        final.MapGet("/qr", async (string id, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            await Live(grains, id); // 404 unless public
            using var data = QRCodeGenerator.GenerateQrCode(links.Link(http.Request, LivePath(id)), QRCodeGenerator.ECCLevel.M);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml; charset=utf-8");
        });
        return app;
    }

    /// <summary>A public final, for a caller who need not have signed in: a made-up id is 404 without activating a grain for it.</summary>
    public static async Task<PublicLive> Live(IGrainFactory grains, string id) =>
        await grains.GetGrain<IFinalsIndexGrain>(0).Has(id) ? await grains.GetGrain<IFinalGrain>(id).Live()
            : throw ArenaProblem.NotFound($"Final {id} has no public view.");

    public static string LivePath(string finalId) => "live/" + Uri.EscapeDataString(finalId);

    private static PublicDefinition Public(FinalDefinition d) => new(d.Id, d.Title,
        [.. d.Rounds.Select(r => new PublicRound(r.Id, r.Title))],
        [.. d.Judges.Select(j => new PublicJudge(j.Id, j.Name))],
        [.. d.Contestants.Select(c => new PublicContestant(c.Id, c.Name, c.Unit, c.Order))],
        d.Rounding, d.Awards);
}
