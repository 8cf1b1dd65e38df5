using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// Plays the finals: calls each contestant to the stage as the operator, has the judges submit (over the judge hub
/// or HTTP) as the pacing says, and records acknowledgements and screen deliveries. A final calls its next contestant
/// only once every sheet of the current one is answered, as an operator would; after the window it calls no more.
/// With several nodes (<see cref="Options.Failover"/>) the devices behave like tablets and screens given a list of
/// addresses: a dropped connection reconnects to the next node (0.1 s doubling to 1 s between attempts), a screen
/// joins again, a judge sends its unanswered sheet again with the same submissionId, and a sheet answered with a 5xx
/// or not answered in 10 s is sent again after the same backoff; the operator's stage calls move to the next node
/// when theirs fails. Each of these is counted (errors "retried:…", "reconnect-failed") and none is fatal; a sheet
/// still unanswered after 60 s is given up and counted.
/// </summary>
public sealed class Player(Options o, IReadOnlyList<Http> nodes, AuthenticationHeaderValue admin, Metrics metrics, Scheduler scheduler, string runTag) : IHubListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    /// <summary>Updates a screen receives this soon after the kill may still be the dead node's (coalesced pushes).</summary>
    public static readonly TimeSpan LiveGrace = TimeSpan.FromMilliseconds(250);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _stageBodies = new();
    private long _start, _stopAt;
    private int _inFlight;
    private int _pending; // scheduled actions not yet run: the drain waits for them too
    private IReadOnlyList<FinalRun> _finals = [];
    private volatile bool _stopped;
    private long _killedAt, _liveFrom;
    private long _reconnects, _resubmits;

    public Player(Options o, Http http, AuthenticationHeaderValue admin, Metrics metrics, Scheduler scheduler, string runTag)
        : this(o, [http], admin, metrics, scheduler, runTag) { }

    /// <summary>Connections opened again after a drop, and sheets sent more than once.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);
    public long Resubmits => Interlocked.Read(ref _resubmits);

    public int InFlight => Volatile.Read(ref _inFlight) + Volatile.Read(ref _pending);

    private void Later(long at, Action action)
    {
        Interlocked.Increment(ref _pending);
        scheduler.At(at, () =>
        {
            try { action(); }
            finally { Interlocked.Decrement(ref _pending); }
        });
    }
    /// <summary>Finals that ran out of contestants before the window ended (the run then under-drives the server).</summary>
    public int FinalsExhausted => _finals.Count(f => f.Exhausted);

    /// <summary>Open loop: every final's first contestant is on stage before the clock starts.</summary>
    public async Task OpenFirstStages(IReadOnlyList<FinalRun> finals)
    {
        await Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (f, _) =>
        {
            var (status, body) = await nodes[f.OperatorNode].Post($"api/finals/{f.Id}/stage", StageBody(0), admin);
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"stage call of {f.Id} answered {(int)status}: {Encoding.UTF8.GetString(body)}");
            lock (f.Gate) { f.Slot = 0; f.StageOpen = true; f.Outstanding = f.Judges.Count; }
        });
    }

    public void Start(IReadOnlyList<FinalRun> finals, long start, long stopAt)
    {
        (_finals, _start, _stopAt) = (finals, start, stopAt);
        foreach (var f in finals)
        {
            switch (o.Pacing)
            {
                case Pacing.Venue:
                    // Finals are spread evenly over the 3 s cycle, as independent halls would be.
                    var at = start + Clock.Ticks(o.StageEvery * f.Index / finals.Count);
                    Later(at, () => CallStage(f, 0, at));
                    break;
                case Pacing.Rate: ScheduleNextSheet(f); break;
                case Pacing.ClosedLoop: CallStage(f, 0, start); break;
            }
        }
    }

    private void CallStage(FinalRun f, int slot, long scheduled)
    {
        if (slot >= f.Contestants) f.Exhausted = true;
        // After the window no new contestant is called, except (open loop) one whose sheets fell due inside it.
        bool due;
        lock (f.Gate) due = f.Due.Any(d => d.Slot == slot);
        if (slot >= f.Contestants || (Clock.Now >= _stopAt && !due)) { f.Done = true; return; }
        lock (f.Gate) { f.Slot = slot; f.StageOpen = false; f.SlotScheduled = scheduled; f.Outstanding = f.Judges.Count; }
        Interlocked.Increment(ref _inFlight);
        _ = Stage(f, slot, scheduled);
    }

    private async Task Stage(FinalRun f, int slot, long scheduled)
    {
        try
        {
            var pause = Sheet.FirstPause;
            while (true)
            {
                var node = f.OperatorNode;
                string failure;
                try
                {
                    var (status, _) = await nodes[node].Post($"api/finals/{f.Id}/stage", StageBody(slot), admin);
                    var now = Clock.Now;
                    if (status == HttpStatusCode.OK)
                    {
                        metrics.RecordStage(scheduled, now);
                        StageOpened(f, slot, now);
                        return;
                    }
                    if (!o.Failover || (int)status < 500) { metrics.Error($"stage:{(int)status}"); f.Done = true; return; }
                    failure = $"stage:{(int)status}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (!o.Failover) { metrics.Error("stage:" + e.GetType().Name); f.Done = true; return; }
                    failure = "stage:" + e.GetType().Name;
                    f.OperatorNode = (node + 1) % nodes.Count; // the operator's laptop tries the next node
                }
                metrics.Error("retried:" + failure);
                if (_stopped || Clock.Now - scheduled > Clock.Ticks(Patience)) { metrics.Error("stage:gave-up"); f.Done = true; return; }
                await Task.Delay(pause);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, Sheet.LongestPause.Ticks));
            }
        }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    private void StageOpened(FinalRun f, int slot, long now)
    {
        switch (o.Pacing)
        {
            case Pacing.Venue:
                // Each judge taps "submit" at a uniformly random moment within the first 2 s after the call.
                foreach (var j in f.Judges)
                {
                    var at = now + (long)(Random.Shared.NextDouble() * Clock.Ticks(o.SubmitWithin));
                    Later(at, () => Submit(j, slot, at));
                }
                break;
            case Pacing.ClosedLoop:
                foreach (var j in f.Judges) Submit(j, slot, now);
                break;
            case Pacing.Rate:
                List<(Judge Judge, int Slot, long Scheduled)> due;
                lock (f.Gate)
                {
                    f.StageOpen = true;
                    due = f.Due.Where(d => d.Slot == slot).ToList();
                    f.Due.RemoveAll(d => d.Slot == slot);
                }
                foreach (var d in due) Submit(d.Judge, d.Slot, d.Scheduled);
                break;
        }
    }

    /// <summary>Open loop: sheet m of final f is due at start + (f + finals·m)/rate, judge m mod J, contestant m div J.</summary>
    private void ScheduleNextSheet(FinalRun f)
    {
        var m = f.NextSheet++;
        var at = _start + (long)((f.Index + (double)_finals.Count * m) / o.Rate!.Value * System.Diagnostics.Stopwatch.Frequency);
        if (at >= _stopAt) { f.Done = true; return; }
        var slot = m / f.Judges.Count;
        if (slot >= f.Contestants) { f.Done = f.Exhausted = true; return; }
        var judge = f.Judges[m % f.Judges.Count];
        Later(at, () =>
        {
            bool now;
            lock (f.Gate)
            {
                now = f.Slot == slot && f.StageOpen;
                if (!now) f.Due.Add((judge, slot, at));
            }
            if (now) Submit(judge, slot, at);
            ScheduleNextSheet(f);
        });
    }

    private void Submit(Judge j, int slot, long scheduled)
    {
        var f = j.Final;
        var submissionId = $"{runTag}-{f.Index}-{j.Id}-c{slot + 1}";
        var sheet = new Sheet(j, slot, submissionId, scheduled, FinalDefinitions.Sheet(submissionId, $"c{slot + 1}"));
        Interlocked.Increment(ref metrics.Sent);
        Interlocked.Increment(ref _inFlight);
        metrics.RecordSendLag(scheduled, Clock.Now);
        if (o.Http) { _ = SendOverHttp(sheet); return; }
        lock (j) j.InFlight = sheet;
        SendOverHub(sheet);
    }

    /// <summary>One attempt over the judge's current connection; none when it has none (its reconnect sends the sheet).</summary>
    private void SendOverHub(Sheet sheet)
    {
        var j = sheet.Judge;
        HubSocket? socket;
        long id;
        int attempt;
        lock (j)
        {
            if (j.InFlight != sheet) return;
            socket = j.Socket;
            if (socket is null || (o.Failover && !socket.IsOpen)) return;
            id = socket.NextInvocationId();
            attempt = ++sheet.Attempts;
            (sheet.Socket, sheet.InvocationId, sheet.LastSent) = (socket, id, Clock.Now);
        }
        if (attempt > 1) Interlocked.Increment(ref _resubmits);
        _ = Send(socket, sheet, HubFrames.Invocation(id, "Submit", sheet.Body));
        if (o.Failover)
            scheduler.At(Clock.Now + Clock.Ticks(AnswerTimeout), () =>
            {
                bool unanswered;
                lock (j) unanswered = j.InFlight == sheet && sheet.Attempts == attempt;
                if (unanswered) Retry(sheet, "no-answer-in-10s");
            });
    }

    private async Task Send(HubSocket socket, Sheet sheet, byte[] record)
    {
        if (await socket.Send(record) || o.Failover) return; // with failover, the reconnect sends it again
        var j = sheet.Judge;
        bool mine;
        lock (j)
        {
            mine = j.InFlight == sheet;
            if (mine) j.InFlight = null;
        }
        if (mine) Failed(sheet, "disconnected");
    }

    /// <summary>A failed attempt: the sheet goes again after the tablet's backoff, unless it has waited too long.</summary>
    private void Retry(Sheet sheet, string kind)
    {
        metrics.Error("retried:" + kind);
        if (_stopped || Clock.Now - sheet.Scheduled > Clock.Ticks(Patience))
        {
            var j = sheet.Judge;
            bool mine;
            lock (j)
            {
                mine = j.InFlight == sheet;
                if (mine) j.InFlight = null;
            }
            if (mine) Failed(sheet, "gave-up");
            return;
        }
        scheduler.At(Clock.Now + Clock.Ticks(sheet.NextPause()), () => SendOverHub(sheet));
    }

    private async Task SendOverHttp(Sheet sheet)
    {
        var j = sheet.Judge;
        var body = Encoding.UTF8.GetBytes(sheet.Body);
        while (true)
        {
            var node = j.Node;
            string failure;
            sheet.LastSent = Clock.Now;
            if (++sheet.Attempts > 1) Interlocked.Increment(ref _resubmits);
            try
            {
                var (status, answer) = await nodes[node].Post($"api/finals/{j.Final.Id}/scores", body, j.Auth);
                var now = Clock.Now;
                if (status == HttpStatusCode.OK) { Acked(sheet, Http.VersionOf(answer), now); return; }
                if (!o.Failover || (int)status < 500) { Failed(sheet, $"http:{(int)status}"); return; }
                failure = $"http:{(int)status}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (!o.Failover) { Failed(sheet, "http:" + e.GetType().Name); return; }
                failure = "http:" + e.GetType().Name;
                j.Node = (node + 1) % nodes.Count; // the tablet tries the next node
            }
            metrics.Error("retried:" + failure);
            if (_stopped || Clock.Now - sheet.Scheduled > Clock.Ticks(Patience)) { Failed(sheet, "gave-up"); return; }
            await Task.Delay(sheet.NextPause());
        }
    }

    private void Acked(Sheet sheet, long version, long now)
    {
        var f = sheet.Judge.Final;
        metrics.RecordAck(sheet.Scheduled, now);
        lock (f.Gate) f.Acked.Add(sheet.SubmissionId);
        f.ScreenTracker.Acknowledged(version, sheet.Scheduled);
        var killed = Volatile.Read(ref _killedAt);
        if (killed != 0 && sheet.LastSent > killed) Interlocked.CompareExchange(ref f.FirstAckAfterKill, now, 0);
        SheetDone(sheet);
    }

    private void Failed(Sheet sheet, string kind)
    {
        metrics.Error(kind);
        SheetDone(sheet);
    }

    private void SheetDone(Sheet sheet)
    {
        Interlocked.Decrement(ref _inFlight);
        var f = sheet.Judge.Final;
        bool slotDone;
        long next;
        lock (f.Gate)
        {
            if (f.Slot != sheet.Slot) return;
            slotDone = --f.Outstanding == 0;
            next = f.SlotScheduled + Clock.Ticks(o.StageEvery);
        }
        if (!slotDone) return;
        if (o.Pacing == Pacing.Venue) { if (next < _stopAt) Later(next, () => CallStage(f, sheet.Slot + 1, next)); else f.Done = true; }
        else CallStage(f, sheet.Slot + 1, Clock.Now);
    }

    public void Completed(HubSocket socket, long invocationId, long version, string? error, long now)
    {
        switch (socket.Owner)
        {
            case Judge j:
                Sheet? sheet;
                bool answered = false;
                lock (j)
                {
                    sheet = j.InFlight;
                    if (sheet is null || sheet.Socket != socket || sheet.InvocationId != invocationId) sheet = null;
                    else
                    {
                        answered = error is null || !o.Failover || IsAnswer(error);
                        if (answered) j.InFlight = null;
                    }
                }
                // With failover, an earlier attempt's answer may come after the sheet was sent again: the latest counts.
                if (sheet is null) { metrics.Error(o.Failover ? "late-answer" : "unexpected-completion"); return; }
                if (error is null) Acked(sheet, version, now);
                else if (answered) Failed(sheet, "hub:" + StatusOf(error));
                else Retry(sheet, "hub:" + StatusOf(error));
                break;
            case Screen s when invocationId == s.JoinInvocation && socket == s.Socket:
                if (error is not null)
                {
                    if (!o.Failover) { metrics.Error("join:" + StatusOf(error)); return; }
                    metrics.Error("retried:join:" + StatusOf(error));
                    var pause = s.JoinPause;
                    s.JoinPause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, Sheet.LongestPause.Ticks));
                    if (!_stopped) scheduler.At(now + Clock.Ticks(pause), () => Join(s, socket));
                    return;
                }
                s.Final.ScreenTracker.Received(s.Index, version, now);
                Saw(s, version);
                s.JoinPause = Sheet.FirstPause;
                s.Joined = true;
                break;
        }
    }

    public void Updated(HubSocket socket, long version, long now)
    {
        if (socket.Owner is not Screen s) return;
        s.Final.ScreenTracker.Received(s.Index, version, now);
        Saw(s, version);
        var from = Volatile.Read(ref _liveFrom);
        if (from != 0 && now >= from && s.LiveAgainAt == 0 && version > s.VersionAtKill) s.LiveAgainAt = now;
    }

    private static void Saw(Screen s, long version)
    {
        if (version > Volatile.Read(ref s.LastVersion)) Volatile.Write(ref s.LastVersion, version);
    }

    public void Closed(HubSocket socket, string reason)
    {
        metrics.Error(socket.Owner is Judge ? "judge-disconnected" : "screen-disconnected");
        if (!o.Failover)
        {
            if (socket.Owner is Judge { InFlight: { } sheet } j) { j.InFlight = null; Failed(sheet, "disconnected"); }
            return;
        }
        if (socket.Owner is Screen s) s.Joined = false;
        if (socket.Owner is Device d && d.Socket == socket && !_stopped) StartReconnect(d);
    }

    private void StartReconnect(Device d)
    {
        if (Interlocked.CompareExchange(ref d.Reconnecting, 1, 0) == 0) _ = Reconnect(d);
    }

    /// <summary>
    /// Connects the device to the next node (then the next, …) until one takes it, pausing 0.1 s doubling to 1 s
    /// between attempts; then a screen joins again and a judge sends its unanswered sheet again.
    /// </summary>
    private async Task Reconnect(Device d)
    {
        var pause = Sheet.FirstPause;
        while (!_stopped)
        {
            var node = d.Node = (d.Node + 1) % nodes.Count;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var socket = await HubSocket.Connect(nodes[node].BaseUrl, d.Hub, d.Token, d.Query, this, d, timeout.Token);
                Interlocked.Increment(ref _reconnects);
                lock (d) d.Socket = socket;
                Volatile.Write(ref d.Reconnecting, 0);
                if (!socket.IsOpen) { StartReconnect(d); return; } // dropped before it was ours: its Closed saw another socket
                switch (d)
                {
                    case Judge { InFlight: { } sheet }: SendOverHub(sheet); break;
                    case Screen s: s.JoinPause = Sheet.FirstPause; Join(s, socket); break;
                }
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
            {
                metrics.Error("reconnect-failed");
            }
            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, Sheet.LongestPause.Ticks));
        }
        Volatile.Write(ref d.Reconnecting, 0);
    }

    private void Join(Screen s, HubSocket socket)
    {
        long id;
        lock (s)
        {
            if (s.Socket != socket || !socket.IsOpen || _stopped) return;
            id = s.JoinInvocation = socket.NextInvocationId();
            s.Joined = false;
        }
        _ = socket.Send(HubFrames.Invocation(id, "Join", $"\"{s.Final.Id}\""));
        scheduler.At(Clock.Now + Clock.Ticks(AnswerTimeout), () =>
        {
            if (s.Socket == socket && s.JoinInvocation == id && !s.Joined) { metrics.Error("retried:join:no-answer-in-10s"); Join(s, socket); }
        });
    }

    /// <summary>Before the kill: which finals' grains and which devices are on the node about to die.</summary>
    public void Killing(int node, IReadOnlySet<string> finalsOnNode)
    {
        foreach (var f in _finals)
        {
            f.OnKilledNode = finalsOnNode.Contains(f.Id);
            foreach (var s in f.Screens) s.OnKilledNode = s.Node == node;
        }
    }

    /// <summary>
    /// The node is dead (reaped) at <paramref name="at"/>. A screen is live again at its first update, after
    /// <see cref="LiveGrace"/>, newer than what it had then (a coalesced push of the dead node's may still arrive
    /// within the first 50 ms or so, through the surviving node).
    /// </summary>
    public void Killed(long at)
    {
        Volatile.Write(ref _killedAt, at);
        scheduler.At(at + Clock.Ticks(LiveGrace), () =>
        {
            foreach (var s in _finals.SelectMany(f => f.Screens)) s.VersionAtKill = Volatile.Read(ref s.LastVersion);
            Volatile.Write(ref _liveFrom, at + Clock.Ticks(LiveGrace));
        });
    }

    /// <summary>No more reconnects or retries: the run is over.</summary>
    public void Stop() => _stopped = true;

    /// <summary>A 4xx is the server's answer about the sheet (not retried); anything else may be the failover.</summary>
    private static bool IsAnswer(string error) => StatusOf(error) is { Length: 3 } s && s[0] == '4';

    /// <summary>"HubException: 409: …" → "409".</summary>
    public static string StatusOf(string error)
    {
        var at = error.IndexOf("HubException: ", StringComparison.Ordinal);
        var text = at < 0 ? error : error[(at + 14)..];
        var colon = text.IndexOf(':');
        return colon is > 0 and <= 3 && int.TryParse(text[..colon], out _) ? text[..colon] : "error";
    }

    private byte[] StageBody(int slot) => _stageBodies.GetOrAdd(slot,
        s => Encoding.UTF8.GetBytes($"{{\"contestant\":\"c{s + 1}\",\"round\":\"{FinalDefinitions.Round}\"}}"));

    /// <summary>
    /// After the window: waits for answers and screen deliveries still under way (and for whatever else
    /// <paramref name="waitingFor"/> says, e.g. screens not yet live again after a kill), at most <paramref name="limit"/>.
    /// </summary>
    public async Task Drain(TimeSpan limit, Func<bool>? waitingFor = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && (InFlight > 0 || _finals.Any(f => f.ScreenTracker.Waiting > 0) || waitingFor?.Invoke() == true)) await Task.Delay(20);
        if (InFlight > 0) metrics.Error("unanswered", InFlight);
        var missed = _finals.Sum(f => f.ScreenTracker.GiveUp());
        if (missed > 0) metrics.Error("screen-missed", missed);
    }
}
