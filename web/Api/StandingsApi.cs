using Arena.Access;
using Arena.Finals;
using Arena.Journal;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>Reading a final: standings (now or as of a journal event), the sheets, the journal and its verification.</summary>
public static class StandingsApi
{
    public static IEndpointRouteBuilder MapStandingsApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").RequireAuthorization().WithTags("standings");

        final.MapGet("/standings", async (string id, long? at, HttpContext http, IGrainFactory grains) =>
        {
            // The chief judge reads the standings too (the chief page); screens see only complete rounds.
            var caller = http.User.For(id, AccessRoles.Screen, AccessRoles.Auditor, AccessRoles.Admin, AccessRoles.Judge);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Standings(at, caller));
        });

        final.MapGet("/info", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            // Every device of the final needs the definition: names, rubric, rounds, judges (no secrets in it).
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Auditor, AccessRoles.Judge, AccessRoles.Screen, AccessRoles.Operator);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Info(caller));
        });

        final.MapGet("/sheets", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            // The chief judge, auditors and the admin see every sheet; any other judge only their own.
            var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin, AccessRoles.Judge);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Sheets(caller));
        });

        final.MapGet("/journal", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
            var journal = await grains.GetGrain<IFinalGrain>(id).Journal(caller);
            // data is the event's stored canonical JSON; it is returned as JSON, not as a string.
            return TypedResults.Ok(journal.Select(e => new
            {
                e.Seq, e.At, e.Stream, e.Type, e.Actor,
                Data = System.Text.Json.JsonDocument.Parse(e.Data).RootElement,
                e.Hash, e.Index, e.Signature,
            }));
        });

        final.MapGet("/verify", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).Verify(caller));
        });

        // The record an auditor takes away: read from the store (what is on disk), checked with the server's own key
        // first — a journal that does not verify is not signed again — then signed event by event with the public
        // export key. Signing runs here, not in the final's grain, so a live final is not held up by it.
        final.MapGet("/bundle", async (string id, HttpContext http, IJournalStore store, JournalSigner signer, TimeProvider clock) =>
        {
            http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
            var journal = await VerifiedJournal.Read(store, id, signer, "it is not exported as a signed bundle", http.RequestAborted);
            var bundle = JournalBundle.Build(journal, signer, clock.GetUtcNow());
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-bundle.json\"";
            return TypedResults.Json(bundle, JournalBundle.Json);
        });
        return app;
    }
}
