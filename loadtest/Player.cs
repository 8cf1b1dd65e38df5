using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// Plays the finals: calls each contestant to the stage as the operator, has the judges submit (over the judge hub
/// or HTTP) as the pacing says, and records acknowledgements and screen deliveries. A final calls its next contestant
/// only once every sheet of the current one is answered, as an operator would; after the window it calls no more.
/// </summary>
public sealed class Player(Options o, Http http, AuthenticationHeaderValue admin, Metrics metrics, Scheduler scheduler, string runTag) : IHubListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _stageBodies = new();
    private long _start, _stopAt;
    private int _inFlight;
    private int _pending; // scheduled actions not yet run: the drain waits for them too
    private IReadOnlyList<FinalRun> _finals = [];

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
            var (status, body) = await http.Post($"api/finals/{f.Id}/stage", StageBody(0), admin);
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
            var (status, _) = await http.Post($"api/finals/{f.Id}/stage", StageBody(slot), admin);
            var now = Clock.Now;
            if (status != HttpStatusCode.OK) { metrics.Error($"stage:{(int)status}"); f.Done = true; return; }
            metrics.RecordStage(scheduled, now);
            StageOpened(f, slot, now);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { metrics.Error("stage:" + e.GetType().Name); f.Done = true; }
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
        var body = FinalDefinitions.Sheet(submissionId, $"c{slot + 1}");
        Interlocked.Increment(ref metrics.Sent);
        Interlocked.Increment(ref _inFlight);
        metrics.RecordSendLag(scheduled, Clock.Now);
        if (j.Socket is { } socket)
        {
            var sheet = new Sheet(j, slot, submissionId, scheduled, socket.NextInvocationId());
            j.InFlight = sheet;
            _ = SendOverHub(socket, sheet, HubFrames.Invocation(sheet.InvocationId, "Submit", body));
        }
        else _ = SendOverHttp(new Sheet(j, slot, submissionId, scheduled, 0), Encoding.UTF8.GetBytes(body));
    }

    private async Task SendOverHub(HubSocket socket, Sheet sheet, byte[] record)
    {
        if (!await socket.Send(record) && sheet.Judge.InFlight == sheet) { sheet.Judge.InFlight = null; Failed(sheet, "disconnected"); }
    }

    private async Task SendOverHttp(Sheet sheet, byte[] body)
    {
        try
        {
            var (status, answer) = await http.Post($"api/finals/{sheet.Judge.Final.Id}/scores", body, sheet.Judge.Auth);
            var now = Clock.Now;
            if (status == HttpStatusCode.OK) Acked(sheet, Http.VersionOf(answer), now);
            else Failed(sheet, $"http:{(int)status}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Failed(sheet, "http:" + e.GetType().Name); }
    }

    private void Acked(Sheet sheet, long version, long now)
    {
        var f = sheet.Judge.Final;
        metrics.RecordAck(sheet.Scheduled, now);
        lock (f.Gate) f.Acked.Add(sheet.SubmissionId);
        f.ScreenTracker.Acknowledged(version, sheet.Scheduled);
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
                var sheet = j.InFlight;
                if (sheet is null || sheet.InvocationId != invocationId) { metrics.Error("unexpected-completion"); return; }
                j.InFlight = null;
                if (error is null) Acked(sheet, version, now);
                else Failed(sheet, "hub:" + StatusOf(error));
                break;
            case Screen s when invocationId == s.JoinInvocation:
                if (error is not null) { metrics.Error("join:" + StatusOf(error)); return; }
                s.Final.ScreenTracker.Received(s.Index, version, now);
                s.Joined = true;
                break;
        }
    }

    public void Updated(HubSocket socket, long version, long now)
    {
        if (socket.Owner is Screen s) s.Final.ScreenTracker.Received(s.Index, version, now);
    }

    public void Closed(HubSocket socket, string reason)
    {
        metrics.Error(socket.Owner is Judge ? "judge-disconnected" : "screen-disconnected");
        if (socket.Owner is Judge { InFlight: { } sheet } j) { j.InFlight = null; Failed(sheet, "disconnected"); }
    }

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

    /// <summary>After the window: waits for answers and screen deliveries still under way, at most <paramref name="limit"/>.</summary>
    public async Task Drain(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && (InFlight > 0 || _finals.Any(f => f.ScreenTracker.Waiting > 0))) await Task.Delay(20);
        if (InFlight > 0) metrics.Error("unanswered", InFlight);
        var missed = _finals.Sum(f => f.ScreenTracker.GiveUp());
        if (missed > 0) metrics.Error("screen-missed", missed);
    }
}
