using Arena.Finals;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>Sends what the final grain told this node to the local SignalR groups: screens and judges of the final.</summary>
public sealed class LivePush(IHubContext<ScreenHub> screens, IHubContext<JudgeHub> judges, PublicViewers viewers, ArenaMetrics metrics, ILogger<LivePush> logger)
{
    /// <summary>The screens' <c>update({version, kind, kinds, state})</c> (the SignalR contract's names), and the same
    /// state to the public viewers here (<see cref="PublicViewers"/>: nothing when there are none).</summary>
    public async Task Screens(string finalId, ScreenPush push)
    {
        viewers.Publish(finalId, push.State);
        await screens.Clients.Group(ScreenHub.Group(finalId)).SendAsync("update", new { version = push.Version, kind = push.Kind, kinds = push.Kinds, state = push.State });
        metrics.Pushed(push.ChangedAt);
    }

    /// <summary>The screens' <c>votes({window, ballots})</c>: the live count of the open audience vote.</summary>
    public async Task Votes(string finalId, VoteTally tally)
    {
        try
        {
            await screens.Clients.Group(ScreenHub.Group(finalId)).SendAsync("votes", new { window = tally.Window, ballots = tally.Ballots });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Telling the screens of final {Final} the vote count failed", finalId);
        }
    }

    /// <summary>The judges' <c>stage</c> and <c>definition</c> (every judge of the final) and <c>reopened</c> (the judge whose sheet it was).</summary>
    public async Task Judges(string finalId, LiveUpdate update, Stage? stage)
    {
        try
        {
            if (update.Kind == UpdateKinds.Stage && stage is not null)
                await judges.Clients.Group(JudgeHub.FinalGroup(finalId)).SendAsync("stage", new { contestant = stage.Contestant, round = stage.Round });
            // An amended definition: every tablet reads it again (names, rubric, rounds, its judge's assignment).
            if (update.Kind == UpdateKinds.Definition)
                await judges.Clients.Group(JudgeHub.FinalGroup(finalId)).SendAsync("definition", new { version = update.Version });
            if (update.Reopened is { } r)
                await judges.Clients.Group(JudgeHub.JudgeGroup(finalId, r.Judge)).SendAsync("reopened", new { contestant = r.Contestant, round = r.Round, reason = r.Reason });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Telling the judges of final {Final} about {Kind} failed", finalId, update.Kind);
        }
    }
}
