using System.Text;
using System.Text.Json;
using Arena.Access;
using Arena.Finals;
using Arena.Journal;
using Arena.Web.Auth;
using Arena.Web.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Arena.Web.Api;

/// <summary>
/// <c>GET /api/finals/{id}/feed</c>: the final's journal as a feed, modelled on the CLICS Contest API event feed. One
/// line per journal event (<c>{"id":"7","type":"event","op":"create","seq":7,"event":"SheetSubmitted","at","actor","data"}</c>)
/// and, after an event that changed the standings, one line with them (<c>{"id":"7s","type":"standings","seq":7,"data":…}</c>).
/// Ids follow the journal's sequence numbers, which have no gaps, so a client resumes exactly where it stopped with
/// the id of the last line it received: <c>?since=ID</c> or, for Server-Sent Events, the <c>Last-Event-ID</c> the
/// browser sends back (after <c>7s</c>: from event 8; after <c>7</c>: from 7's standings line, if it has one).
/// NDJSON (<c>application/x-ndjson</c>) unless the client accepts <c>text/event-stream</c> (or <c>?format=sse</c>).
/// It streams new events as this node hears of them (the final grain's notification, not polling) until the client
/// goes; <c>?stream=false</c> ends after the events stored now. Auditors, supervisors and the admin.
/// <para>Without a token, on a final whose public view is open (<see cref="PublicApi"/>), the feed is the public one: only
/// what the public view shows, one line per change of it, each the whole big-screen state
/// (<c>{"id":"17","type":"screen","op":"update","seq":17,"data":{…}}</c>), beginning with the current one; a client that
/// reconnects simply gets the current state again, so nothing needs resuming. Served by <see cref="PublicViewers"/>: one
/// serialisation per change and node, whatever the number of viewers. The view closed, the feed's last line says so
/// (<c>"public": false</c> in the state) and it ends. A final that is not public is 401 without a token, as before.</para>
/// </summary>
public static class FeedApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/finals/{id}/feed", Feed).WithTags("feed");
        return app;
    }

    private static async Task Feed(string id, string? since, string? format, bool? stream, HttpContext http, IGrainFactory grains,
        IJournalStore store, FinalFanout fanout, PublicViewers viewers, IOptions<JsonOptions> json)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await PublicFeed(id, format, stream, http, grains, fanout, viewers);
            return;
        }
        var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
        await grains.GetGrain<IFinalGrain>(id).Info(caller); // 404 for an unknown final, 401 for a revoked code
        var from = FeedPosition.Parse(since ?? http.Request.Headers["Last-Event-ID"].FirstOrDefault());
        var sse = format == "sse" || http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream") == true);
        http.Response.ContentType = sse ? "text/event-stream; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // a proxy must pass each line on at once
        var options = json.Value.SerializerOptions;
        var cancel = http.RequestAborted;

        // The feed is a fold of the stored journal (the same FinalModel as everywhere), applied as far as it was read.
        var model = new FinalModel(id);
        var applied = 0;
        string? standings = null;
        var watcher = "feed:" + Guid.NewGuid().ToString("N");
        fanout.Track(watcher, id); // this node keeps hearing of the final while the feed is open
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var next = stream == false ? null : await fanout.NextChange(id);
                var ordered = Replay.Order(await store.ReadFinalAsync(id, cancel));
                foreach (var entry in ordered.Skip(applied))
                {
                    model.Apply(entry);
                    var seq = ++applied;
                    var now = model.Definition is null ? null : JsonSerializer.Serialize(model.StandingsView(revealedOnly: false), options);
                    var changed = now is not null && now != standings;
                    standings = now;
                    if (seq > from.Seq)
                        await Write(http, sse, $"{seq}", "event", JsonSerializer.Serialize(new
                        {
                            id = $"{seq}", type = "event", op = "create", seq, @event = entry.Type, at = entry.At, actor = entry.Actor,
                            stream = entry.Stream, data = JsonDocument.Parse(entry.Data).RootElement, hash = entry.Hash,
                        }, options), cancel);
                    if (changed && (seq > from.Seq || (seq == from.Seq && !from.StandingsSent)))
                        await Write(http, sse, $"{seq}s", "standings", $"{{\"id\":\"{seq}s\",\"type\":\"standings\",\"op\":\"update\",\"seq\":{seq},\"data\":{now}}}", cancel);
                }
                await http.Response.Body.FlushAsync(cancel);
                if (next is null) return;
                if (await Task.WhenAny(next, Task.Delay(KeepAlive, cancel)) != next)
                    await http.Response.WriteAsync(sse ? ": keep-alive\n\n" : "\n", cancel); // idle: the line tells proxies and clients it is alive
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { } // the client went away
        finally { fanout.Untrack(watcher); }
    }

    private static async Task PublicFeed(string id, string? format, bool? stream, HttpContext http, IGrainFactory grains, FinalFanout fanout, PublicViewers viewers)
    {
        // A token that did not validate is a 401 of its own, never a quiet fall back to the public feed.
        if (http.Request.Headers.Authorization.Count > 0) throw new ArenaProblem(401, "Unauthorized", "The token is not valid (expired, or not from this server).");
        var cancel = http.RequestAborted;
        var watcher = "public:" + Guid.NewGuid().ToString("N");
        fanout.Track(watcher, id); // this node keeps hearing of the final while a viewer is here
        PublicViewers.Viewer viewer;
        try { viewer = await viewers.Add(id, async () => (await PublicApi.Live(grains, id)).State); }
        catch (ArenaProblem p) when (p.Status == 404)
        {
            fanout.Untrack(watcher);
            throw new ArenaProblem(401, "Unauthorized", "Sign in first: send 'Authorization: Bearer <token>' (this final has no public view).");
        }
        catch
        {
            fanout.Untrack(watcher);
            throw;
        }
        try
        {
            await fanout.TrySubscribe(id);
            var sse = format == "sse" || http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream") == true);
            http.Response.ContentType = sse ? "text/event-stream; charset=utf-8" : "application/x-ndjson; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            while (true)
            {
                while (viewer.Reader.TryRead(out var line))
                {
                    await http.Response.BodyWriter.WriteAsync(sse ? line.Sse : line.Ndjson, cancel); // written and flushed at once
                    if (line.Closed || stream == false) return;
                }
                var ready = viewer.Reader.WaitToReadAsync(cancel).AsTask();
                if (await Task.WhenAny(ready, Task.Delay(KeepAlive, cancel)) != ready)
                    await http.Response.WriteAsync(sse ? ": keep-alive\n\n" : "\n", cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { } // the viewer went away
        finally
        {
            viewers.Remove(id, viewer);
            fanout.Untrack(watcher);
        }
    }

    private static Task Write(HttpContext http, bool sse, string id, string type, string line, CancellationToken cancel) =>
        http.Response.WriteAsync(sse ? $"id: {id}\nevent: {type}\ndata: {line}\n\n" : line + "\n", Encoding.UTF8, cancel);

    /// <summary>Where a client resumes: after event <see cref="Seq"/>, and whether that event's standings line was sent too.</summary>
    private readonly record struct FeedPosition(long Seq, bool StandingsSent)
    {
        public static FeedPosition Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return new(0, true);
            var text = value.Trim();
            var standings = text.EndsWith('s');
            if (!long.TryParse(standings ? text[..^1] : text, out var seq) || seq < 0)
                throw ArenaProblem.Invalid("since (or Last-Event-ID) must be an event id of this feed, such as 12 or 12s.", [new FieldError("since", "not a feed id")]);
            return new(seq, standings);
        }
    }
}
