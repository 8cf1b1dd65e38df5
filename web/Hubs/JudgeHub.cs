using Arena.Access;
using Arena.Finals;
using Arena.Web.Api;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// <c>/hubs/judge</c>: a judge's tablet. <c>Submit</c> has the HTTP call's semantics, checks and idempotency; the
/// judge is told <c>stage</c> when a contestant is called and <c>reopened</c> when the chief judge reopens their sheet.
/// </summary>
[Authorize]
public sealed class JudgeHub(FinalGrains finals, FinalFanout fanout, DeviceConnections devices, ArenaMetrics metrics, ILogger<JudgeHub> logger) : Hub
{
    public static string FinalGroup(string finalId) => "judges:" + finalId;
    public static string JudgeGroup(string finalId, string judge) => $"judge:{finalId}:{judge}";

    public override async Task OnConnectedAsync()
    {
        var caller = Context.User!.Caller();
        var finalId = Context.User!.FindFirst(Tokens.FinalClaim)?.Value;
        if (caller.Role != AccessRoles.Judge || finalId is null)
        {
            Context.Abort(); // only judges' tablets belong here
            return;
        }
        // Kept first, then checked: a revocation landing in between still finds the connection to close.
        devices.Add(Context);
        if (!await Admitted(finalId, caller)) return;
        await Groups.AddToGroupAsync(Context.ConnectionId, FinalGroup(finalId));
        await Groups.AddToGroupAsync(Context.ConnectionId, JudgeGroup(finalId, caller.Subject));
        fanout.Track(Context.ConnectionId, finalId);
        metrics.JudgeConnected(+1);
        // The tablet stays connected even when the final grain cannot be reached this instant (its node just died):
        // the subscription is retried by the renewal, and Submit answers 503 until the grain is back.
        await fanout.TrySubscribe(finalId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        devices.Remove(Context);
        if (fanout.Untrack(Context.ConnectionId)) metrics.JudgeConnected(-1);
        await base.OnDisconnectedAsync(exception);
    }

    // A tablet whose code was revoked is not let back in (its token is still signed and unexpired). A final grain that
    // cannot be reached this instant lets the tablet connect: every Submit goes through the grain's check anyway.
    private async Task<bool> Admitted(string finalId, Caller caller)
    {
        try
        {
            await finals[finalId].Admit(caller);
            return true;
        }
        catch (ArenaProblem problem) when (problem.Status == 401)
        {
            Context.Abort();
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArenaProblem)
        {
            logger.LogWarning(e, "Could not check judge {Judge}'s access to final {Final} now", caller.Subject, finalId);
            return true;
        }
    }

    /// <summary>Submits a sheet; answers <c>{accepted, total, version}</c> once it is durably stored.</summary>
    [LoggedWrite]
    public Task<SheetAck> Submit(ScoreRequest sheet) => HubProblems.Run(logger, async () =>
    {
        var finalId = Context.User!.FindFirst(Tokens.FinalClaim)?.Value ?? throw ArenaProblem.Forbidden("This token is for no final.");
        var caller = Context.User!.For(finalId, AccessRoles.Judge);
        return await metrics.Sheet("signalr", () => finals[finalId].Submit(ScoringApi.ToSheet(sheet), caller));
    });
}
