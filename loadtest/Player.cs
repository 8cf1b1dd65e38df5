using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// Plays the finals as the operator: calls each contestant to the stage, has the judges' tablets submit as the pacing
/// says (<see cref="TabletClient"/>), and lets the screens follow (<see cref="ScreenClient"/>). A final calls its next
/// contestant only once every sheet of the current one is answered, as an operator would; after the window it calls
/// no more. With several nodes the operator's stage calls move to the next node when theirs fails, pausing as
/// <see cref="Backoff"/> says; tablets and screens own their retries and reconnects.
/// </summary>
public sealed class Player : IHubListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Options _o;
    private readonly IReadOnlyList<Http> _nodes;
    private readonly AuthenticationHeaderValue _admin;
    private readonly Metrics _metrics;
    private readonly Scheduler _scheduler;
    private readonly TabletClient _tablets;
    private readonly ScreenClient _screens;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _stageBodies = new();
    private long _start, _stopAt;
    private int _staging; // stage calls under way
    private int _pending; // scheduled actions not yet run: the drain waits for them too
    private IReadOnlyList<FinalRun> _finals = [];
    private volatile bool _stopped;

    public Player(Options o, IReadOnlyList<Http> nodes, AuthenticationHeaderValue admin, Metrics metrics, Scheduler scheduler, string runTag)
    {
        (_o, _nodes, _admin, _metrics, _scheduler) = (o, nodes, admin, metrics, scheduler);
        _tablets = new TabletClient(o, nodes, metrics, scheduler, this, runTag, SheetDone);
        _screens = new ScreenClient(o, nodes, metrics, scheduler, this);
    }

    public Player(Options o, Http http, AuthenticationHeaderValue admin, Metrics metrics, Scheduler scheduler, string runTag)
        : this(o, [http], admin, metrics, scheduler, runTag) { }

    /// <summary>Connections opened again after a drop, and sheets sent more than once.</summary>
    public long Reconnects => _tablets.Reconnects + _screens.Reconnects;
    public long Resubmits => _tablets.Resubmits;

    public int InFlight => Volatile.Read(ref _staging) + _tablets.InFlight + Volatile.Read(ref _pending);

    /// <summary>Finals that ran out of contestant calls before the window ended (the run then under-drives the server).</summary>
    public int FinalsExhausted => _finals.Count(f => f.Exhausted);

    private void Later(long at, Action action)
    {
        Interlocked.Increment(ref _pending);
        _scheduler.At(at, () =>
        {
            try { action(); }
            finally { Interlocked.Decrement(ref _pending); }
        });
    }

    /// <summary>Open loop: every final's first contestant is on stage before the clock starts.</summary>
    public async Task OpenFirstStages(IReadOnlyList<FinalRun> finals)
    {
        await Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (f, _) =>
        {
            var (status, body) = await _nodes[f.OperatorNode].Post($"api/finals/{f.Id}/stage", StageBody(0, f.Contestants), _admin);
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"stage call of {f.Id} answered {(int)status}: {Encoding.UTF8.GetString(body)}");
            lock (f.Gate) { f.Slot = 0; f.StageOpen = true; f.Outstanding = f.Judges.Count; }
        });
    }

    public void Start(IReadOnlyList<FinalRun> finals, long start, long stopAt)
    {
        (_finals, _start, _stopAt) = (finals, start, stopAt);
        foreach (var f in finals)
        {
            switch (_o.Pacing)
            {
                case Pacing.Venue:
                    // Finals are spread evenly over the 3 s cycle, as independent halls would be.
                    var at = start + Clock.Ticks(_o.StageEvery * f.Index / finals.Count);
                    Later(at, () => CallStage(f, 0, at));
                    break;
                case Pacing.Rate: ScheduleNextSheet(f); break;
                case Pacing.ClosedLoop: CallStage(f, 0, start); break;
            }
        }
    }

    private void CallStage(FinalRun f, int slot, long scheduled)
    {
        if (slot >= f.Slots) f.Exhausted = true;
        // After the window no new contestant is called, except (open loop) one whose sheets fell due inside it.
        bool due;
        lock (f.Gate) due = f.Due.Any(d => d.Slot == slot);
        if (slot >= f.Slots || (Clock.Now >= _stopAt && !due)) { f.Done = true; return; }
        lock (f.Gate) { f.Slot = slot; f.StageOpen = false; f.SlotScheduled = scheduled; f.Outstanding = f.Judges.Count; }
        Interlocked.Increment(ref _staging);
        _ = Stage(f, slot, scheduled);
    }

    private async Task Stage(FinalRun f, int slot, long scheduled)
    {
        try
        {
            var backoff = new Backoff();
            while (true)
            {
                var node = f.OperatorNode;
                string failure;
                try
                {
                    var (status, _) = await _nodes[node].Post($"api/finals/{f.Id}/stage", StageBody(slot, f.Contestants), _admin);
                    var now = Clock.Now;
                    if (status == HttpStatusCode.OK)
                    {
                        _metrics.RecordStage(scheduled, now);
                        StageOpened(f, slot, now);
                        return;
                    }
                    if (!_o.Failover || (int)status < 500) { _metrics.Error($"stage:{(int)status}"); f.Done = true; return; }
                    failure = $"stage:{(int)status}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (!_o.Failover) { _metrics.Error("stage:" + e.GetType().Name); f.Done = true; return; }
                    failure = "stage:" + e.GetType().Name;
                    f.OperatorNode = (node + 1) % _nodes.Count; // the operator's laptop tries the next node
                }
                _metrics.Error("retried:" + failure);
                if (_stopped || Clock.Now - scheduled > Clock.Ticks(Patience)) { _metrics.Error("stage:gave-up"); f.Done = true; return; }
                await Task.Delay(backoff.Next());
            }
        }
        finally { Interlocked.Decrement(ref _staging); }
    }

    private void StageOpened(FinalRun f, int slot, long now)
    {
        switch (_o.Pacing)
        {
            case Pacing.Venue:
                // Each judge taps "submit" at a uniformly random moment within the first 2 s after the call.
                foreach (var j in f.Judges)
                {
                    var at = now + (long)(Random.Shared.NextDouble() * Clock.Ticks(_o.SubmitWithin));
                    Later(at, () => _tablets.Submit(j, slot, at));
                }
                break;
            case Pacing.ClosedLoop:
                foreach (var j in f.Judges) _tablets.Submit(j, slot, now);
                break;
            case Pacing.Rate:
                List<(Judge Judge, int Slot, long Scheduled)> due;
                lock (f.Gate)
                {
                    f.StageOpen = true;
                    due = f.Due.Where(d => d.Slot == slot).ToList();
                    f.Due.RemoveAll(d => d.Slot == slot);
                }
                foreach (var d in due) _tablets.Submit(d.Judge, d.Slot, d.Scheduled);
                break;
        }
    }

    /// <summary>Open loop: sheet m of final f is due at start + (f + finals·m)/rate, judge m mod J, slot m div J.</summary>
    private void ScheduleNextSheet(FinalRun f)
    {
        var m = f.NextSheet++;
        var at = _start + (long)((f.Index + (double)_finals.Count * m) / _o.Rate!.Value * System.Diagnostics.Stopwatch.Frequency);
        if (at >= _stopAt) { f.Done = true; return; }
        var slot = m / f.Judges.Count;
        if (slot >= f.Slots) { f.Done = f.Exhausted = true; return; }
        var judge = f.Judges[m % f.Judges.Count];
        Later(at, () =>
        {
            bool now;
            lock (f.Gate)
            {
                now = f.Slot == slot && f.StageOpen;
                if (!now) f.Due.Add((judge, slot, at));
            }
            if (now) _tablets.Submit(judge, slot, at);
            ScheduleNextSheet(f);
        });
    }

    /// <summary>A sheet was answered or failed: once the slot's every sheet is, the operator calls the next one.</summary>
    private void SheetDone(Sheet sheet)
    {
        var f = sheet.Judge.Final;
        bool slotDone;
        long next;
        lock (f.Gate)
        {
            if (f.Slot != sheet.Slot) return;
            slotDone = --f.Outstanding == 0;
            next = f.SlotScheduled + Clock.Ticks(_o.StageEvery);
        }
        if (!slotDone) return;
        if (_o.Pacing == Pacing.Venue) { if (next < _stopAt) Later(next, () => CallStage(f, sheet.Slot + 1, next)); else f.Done = true; }
        else CallStage(f, sheet.Slot + 1, Clock.Now);
    }

    public void Completed(HubSocket socket, long invocationId, long version, string? error, long now)
    {
        switch (socket.Owner)
        {
            case Judge j: _tablets.Completed(j, socket, invocationId, version, error, now); break;
            case Screen s: _screens.Completed(s, socket, invocationId, version, error, now); break;
        }
    }

    public void Updated(HubSocket socket, long version, long now)
    {
        if (socket.Owner is Screen s) _screens.Updated(s, version, now);
    }

    public void Closed(HubSocket socket, string reason)
    {
        switch (socket.Owner)
        {
            case Judge j: _tablets.Closed(j, socket); break;
            case Screen s: _screens.Closed(s, socket); break;
        }
    }

    /// <summary>Before the kill: which finals' grains and which devices are on the node about to die.</summary>
    public void Killing(int node, IReadOnlySet<string> finalsOnNode)
    {
        foreach (var f in _finals) f.OnKilledNode = finalsOnNode.Contains(f.Id);
        _screens.Killing(node, _finals.SelectMany(f => f.Screens));
    }

    /// <summary>The node is dead (reaped) at <paramref name="at"/>.</summary>
    public void Killed(long at)
    {
        _tablets.Killed(at);
        _screens.Killed(at, _finals.SelectMany(f => f.Screens).ToList());
    }

    /// <summary>No more stage calls, reconnects or retries: the run is over.</summary>
    public void Stop()
    {
        _stopped = true;
        _tablets.Stop();
        _screens.Stop();
    }

    /// <summary>"HubException: 409: …" → "409".</summary>
    public static string StatusOf(string error) => DeviceClient.StatusOf(error);

    private byte[] StageBody(int slot, int contestants) => _stageBodies.GetOrAdd(slot, s =>
    {
        var (contestant, round) = FinalDefinitions.OnStage(s, contestants);
        return Encoding.UTF8.GetBytes($"{{\"contestant\":\"{contestant}\",\"round\":\"{round}\"}}");
    });

    /// <summary>
    /// After the window: waits for answers and screen deliveries still under way (and for whatever else
    /// <paramref name="waitingFor"/> says, e.g. screens not yet live again after a kill), at most <paramref name="limit"/>.
    /// </summary>
    public async Task Drain(TimeSpan limit, Func<bool>? waitingFor = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && (InFlight > 0 || _finals.Any(f => f.ScreenTracker.Waiting > 0) || waitingFor?.Invoke() == true)) await Task.Delay(20);
        if (InFlight > 0) _metrics.Error("unanswered", InFlight);
        var missed = _finals.Sum(f => f.ScreenTracker.GiveUp());
        if (missed > 0) _metrics.Error("screen-missed", missed);
    }
}
