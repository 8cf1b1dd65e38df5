using Arena.Access;
using Arena.Finals;
using Arena.Web.Api;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// <c>/hubs/screen</c>: big screens, the operator, the chief judge, auditors and the admin join a final and get its
/// whole screen state, then <c>update</c>s with strictly increasing versions (see <see cref="FinalFanout"/>).
/// </summary>
[Authorize]
public sealed class ScreenHub(FinalGrains finals, FinalFanout fanout, DeviceConnections devices, ArenaMetrics metrics, ILogger<ScreenHub> logger) : Hub
{
    public static string Group(string finalId) => "screens:" + finalId;

    /// <summary>Joins the final's screens and returns the snapshot to render; call again after a reconnect or a version gap.</summary>
    public Task<ScreenState> Join(string finalId) => HubProblems.Run(logger, async () =>
    {
        var caller = Context.User!.For(finalId, AccessRoles.Screen, AccessRoles.Operator, AccessRoles.Judge, AccessRoles.Auditor, AccessRoles.Admin);
        var final = finals[finalId];
        var previous = fanout.Track(Context.ConnectionId, finalId);
        if (previous is null) metrics.ScreenConnected(+1);
        if (previous is not null && previous != finalId) await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(previous));
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(finalId));
        await fanout.EnsureSubscribed(finalId);
        ScreenState state;
        try { state = await final.Join(caller); }
        catch (ArenaProblem problem) when (problem.Status == 401)
        {
            // A revoked code's token: no more updates here; the page is told (401) and signs out.
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(finalId));
            throw;
        }
        fanout.Saw(finalId, state.Version);
        return state;
    });

    /// <summary>Kept by the access code that signed the token in, so that revoking it closes this connection.</summary>
    public override Task OnConnectedAsync()
    {
        devices.Add(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        devices.Remove(Context);
        if (fanout.Untrack(Context.ConnectionId)) metrics.ScreenConnected(-1);
        await base.OnDisconnectedAsync(exception);
    }
}
