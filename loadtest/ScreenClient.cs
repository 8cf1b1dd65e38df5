namespace Arena.LoadTest;

/// <summary>
/// The big screens: each joins its final, follows the versions pushed to it (recording when each acknowledged sheet
/// reaches it), and with several nodes joins again after a reconnect or a failed or unanswered Join. After a node is
/// killed it also records when each screen is live again.
/// </summary>
public sealed class ScreenClient(Options o, IReadOnlyList<Http> nodes, Metrics metrics, Scheduler scheduler, IHubListener listener)
    : DeviceClient(o, nodes, metrics, scheduler, listener)
{
    /// <summary>Updates a screen receives this soon after the kill may still be the dead node's (coalesced pushes).</summary>
    public static readonly TimeSpan LiveGrace = TimeSpan.FromMilliseconds(250);
    private long _liveFrom;

    /// <summary>The answer to a Join: the snapshot's version, or an error (with failover: join again after a pause).</summary>
    public void Completed(Screen s, HubSocket socket, long invocationId, long version, string? error, long now)
    {
        if (invocationId != s.JoinInvocation || socket != s.Socket) return;
        if (error is not null)
        {
            if (!O.Failover) { Metrics.Error("join:" + StatusOf(error)); return; }
            Metrics.Error("retried:join:" + StatusOf(error));
            var pause = s.JoinBackoff.Next();
            if (!Stopped) Scheduler.At(now + Clock.Ticks(pause), () => Join(s, socket));
            return;
        }
        s.Final.ScreenTracker.Received(s.Index, version, now);
        Saw(s, version);
        s.JoinBackoff.Reset();
        s.Joined = true;
    }

    public void Updated(Screen s, long version, long now)
    {
        s.Final.ScreenTracker.Received(s.Index, version, now);
        Saw(s, version);
        var from = Volatile.Read(ref _liveFrom);
        if (from != 0 && now >= from && s.LiveAgainAt == 0 && version > s.VersionAtKill) s.LiveAgainAt = now;
    }

    public void Closed(Screen s, HubSocket socket)
    {
        Metrics.Error("screen-disconnected");
        if (!O.Failover) return;
        s.Joined = false;
        if (s.Socket == socket && !Stopped) StartReconnect(s);
    }

    protected override void Reconnected(Device d, HubSocket socket)
    {
        if (d is not Screen s) return;
        s.JoinBackoff.Reset();
        Join(s, socket);
    }

    private void Join(Screen s, HubSocket socket)
    {
        long id;
        lock (s)
        {
            if (s.Socket != socket || !socket.IsOpen || Stopped) return;
            id = s.JoinInvocation = socket.NextInvocationId();
            s.Joined = false;
        }
        _ = socket.Send(HubFrames.Invocation(id, "Join", $"\"{s.Final.Id}\""));
        Scheduler.At(Clock.Now + Clock.Ticks(AnswerTimeout), () =>
        {
            if (s.Socket == socket && s.JoinInvocation == id && !s.Joined) { Metrics.Error("retried:join:no-answer-in-10s"); Join(s, socket); }
        });
    }

    private static void Saw(Screen s, long version)
    {
        if (version > Volatile.Read(ref s.LastVersion)) Volatile.Write(ref s.LastVersion, version);
    }

    /// <summary>Before the kill: which screens are on the node about to die.</summary>
    public void Killing(int node, IEnumerable<Screen> screens)
    {
        foreach (var s in screens) s.OnKilledNode = s.Node == node;
    }

    /// <summary>
    /// The node is dead (reaped) at <paramref name="at"/>. A screen is live again at its first update, after
    /// <see cref="LiveGrace"/>, newer than what it had then (a coalesced push of the dead node's may still arrive
    /// within the first 50 ms or so, through the surviving node).
    /// </summary>
    public void Killed(long at, IReadOnlyList<Screen> screens) =>
        Scheduler.At(at + Clock.Ticks(LiveGrace), () =>
        {
            foreach (var s in screens) s.VersionAtKill = Volatile.Read(ref s.LastVersion);
            Volatile.Write(ref _liveFrom, at + Clock.Ticks(LiveGrace));
        });
}
