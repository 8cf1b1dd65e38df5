using Arena.Access;
using Arena.Finals;
using Arena.Votes;
using Arena.Web.Auth;
using Arena.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using QRCoder;

namespace Arena.Web.Api;

/// <summary>
/// The audience vote (大众评审), for a round with a panel of kind <c>audience</c>: the operator opens the window for the
/// contestant on stage (<c>POST …/vote/open</c>) and closes it (<c>…/vote/close</c>, the exact count into the journal);
/// voters in the hall open <c>/vote/{id}</c> (the QR code on the big screen) and vote there without signing in, with a
/// one-time ticket code the admin printed (<c>POST …/tickets</c>, the sheet <c>/tickets/{id}</c>) or, when the panel
/// says <c>"voters": "devices"</c>, once per device. A ballot goes straight to its ballot box (<see cref="IBallotBoxGrain"/>,
/// picked by the ticket's number or the device), never through the final's grain.
/// </summary>
public static class VoteApi
{
    public sealed record VoteRequest(long? Window, int? Value, string? Ticket, string? Device);
    public sealed record OpenVoteRequest(string? Contestant, string? Round);
    public sealed record TicketsRequest(int? Count);
    public sealed record BallotResponse(bool Counted, bool Repeat, long Window);
    public sealed record WindowResponse(long Version, long Window);
    public sealed record VoteStateResponse(VoteView? Vote, string? Contestant, string? Unit, string? Round, string Title, string Url);
    public sealed record IssuedResponse(int From, int Count, int Issued);
    public sealed record TicketResponse(int Number, string Code, string Url, string? Qr);
    public sealed record TicketsResponse(int Issued, IReadOnlyList<TicketResponse> Tickets);

    public static IEndpointRouteBuilder MapVoteApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").WithTags("vote");

        // Anonymous: the vote page's view of the window (who is voted on, how), or the last count.
        final.MapGet("/vote", async Task<Ok<VoteStateResponse>> (string id, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            var (vote, d) = await (await Known(grains, id)).Ballot();
            var contestant = vote is null ? null : d.Contestants.FirstOrDefault(c => c.Id == vote.Contestant);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new VoteStateResponse(vote, contestant?.Name, contestant?.Unit,
                vote is null ? null : d.Rounds.FirstOrDefault(r => r.Id == vote.Round)?.Title, d.Title, links.Link(http.Request, VotePath(id))));
        });

        final.MapPost("/vote", async Task<Ok<BallotResponse>> (string id, VoteRequest? body, IGrainFactory grains) =>
        {
            var b = Require.Body(body);
            var window = b.Window is > 0 ? b.Window.Value : throw ArenaProblem.Invalid("'window' is required: the vote's number the page read.", [new FieldError("window", "required")]);
            var value = b.Value ?? throw ArenaProblem.Invalid("'value' is required.", [new FieldError("value", "required")]);
            // The box: by the ticket's number, or the device's id; the box checks the code itself and that it is its own.
            string voter = b.Ticket is { Length: > 0 } ticket
                ? Voters.OfTicket(Tickets.Number(ticket) ?? throw ArenaProblem.Forbidden("This ticket code is not one of this final's: check it on the printed ticket."))
                : b.Device is { Length: >= 8 and <= 100 } device ? Voters.OfDevice(device.Trim())
                : throw ArenaProblem.Invalid("A ticket code ('ticket') or, where the vote allows it, the page's device id ('device') is required.", [new FieldError("ticket", "required")]);
            if (!await grains.GetGrain<IFinalsIndexGrain>(0).Has(id)) throw ArenaProblem.NotFound($"There is no final '{id}'.");
            var ack = await grains.GetGrain<IBallotBoxGrain>(BallotStreams.Key(id, window, Voters.BoxOf(voter))).Cast(new Ballot(b.Ticket, b.Device, value));
            return TypedResults.Ok(new BallotResponse(true, ack.Repeat, ack.Window));
        });

        final.MapPost("/vote/open", async Task<Ok<WindowResponse>> (string id, OpenVoteRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Operator, AccessRoles.Judge);
            var window = await grains.GetGrain<IFinalGrain>(id).OpenVoting(body?.Contestant, body?.Round, caller);
            return TypedResults.Ok(new WindowResponse(window, window));
        }).RequireAuthorization();

        final.MapPost("/vote/close", async Task<Ok<VoteView>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Admin, AccessRoles.Operator, AccessRoles.Judge);
            return TypedResults.Ok(await grains.GetGrain<IFinalGrain>(id).CloseVoting(caller));
        }).RequireAuthorization();

        final.MapPost("/tickets", async Task<Ok<IssuedResponse>> (string id, TicketsRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            http.User.RequireAdmin();
            var count = Require.Body(body).Count ?? throw ArenaProblem.Invalid("'count' is required.", [new FieldError("count", "required")]);
            var from = await grains.GetGrain<IFinalGrain>(id).IssueTickets(count, http.User.Caller());
            return TypedResults.Ok(new IssuedResponse(from, count, from + count - 1));
        }).RequireAuthorization();

        // The codes to print (admin): each with the vote page's address carrying it, for the QR code on the ticket.
        // With ?qr=true each ticket carries the SVG of its QR code (the sheet prints them: no QR library in the browser).
        final.MapGet("/tickets", async Task<Ok<TicketsResponse>> (string id, int? from, int? count, bool? qr, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            http.User.RequireAdmin();
            var sheet = await grains.GetGrain<IFinalGrain>(id).TicketCodes(from ?? 1, count ?? 10_000, http.User.Caller());
            var page = links.Link(http.Request, VotePath(id));
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new TicketsResponse(sheet.Issued,
                [.. sheet.Tickets.Select(t =>
                {
                    var url = $"{page}?ticket={Uri.EscapeDataString(t.Code)}";
                    return new TicketResponse(t.Number, t.Code, url, qr == true ? Svg(url, 4) : null);
                })]));
        }).RequireAuthorization();

        // The QR code the big screen shows while a vote is open: the vote page's address (anonymous, like the page).
        final.MapGet("/vote/qr", async (string id, HttpContext http, IGrainFactory grains, PublicLinks links) =>
        {
            await Known(grains, id);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(Svg(links.Link(http.Request, VotePath(id)), 8), "image/svg+xml; charset=utf-8");
        });
        return app;
    }

    private static string Svg(string url, int pixels)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixels);
    }

    public static string VotePath(string finalId) => "vote/" + Uri.EscapeDataString(finalId);

    /// <summary>A final an anonymous caller names: a made-up id is 404 without activating a grain for it.</summary>
    private static async Task<IFinalGrain> Known(IGrainFactory grains, string id) =>
        await grains.GetGrain<IFinalsIndexGrain>(0).Has(id) ? grains.GetGrain<IFinalGrain>(id) : throw ArenaProblem.NotFound($"There is no final '{id}'.");
}
