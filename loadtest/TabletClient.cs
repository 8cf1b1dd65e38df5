using System.Net;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// The judges' tablets: each submits its sheet (over the judge hub or HTTP) and records the acknowledgement. With
/// several nodes (<see cref="Options.Failover"/>) a tablet sends an unanswered sheet again with the same submissionId:
/// after a reconnect, after a 5xx, or when an attempt is not answered in 10 s, pausing as the sheet's
/// <see cref="Backoff"/> says; each retry is counted ("retried:…") and a sheet still unanswered after 60 s is given up.
/// <paramref name="done"/> hears of every sheet once, answered or failed.
/// </summary>
public sealed class TabletClient(Options o, IReadOnlyList<Http> nodes, Metrics metrics, Scheduler scheduler, IHubListener listener, string runTag, Action<Sheet> done)
    : DeviceClient(o, nodes, metrics, scheduler, listener)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private int _inFlight;
    private long _resubmits, _killedAt;

    /// <summary>Sheets sent and not yet answered or failed.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    /// <summary>Sheets sent more than once.</summary>
    public long Resubmits => Interlocked.Read(ref _resubmits);

    /// <summary>From now on an acknowledged sheet sent after <paramref name="at"/> marks its final as taking sheets again.</summary>
    public void Killed(long at) => Volatile.Write(ref _killedAt, at);

    public void Submit(Judge j, int slot, long scheduled)
    {
        var f = j.Final;
        var (contestant, round) = FinalDefinitions.OnStage(slot, f.Contestants);
        var submissionId = $"{runTag}-{f.Index}-{j.Id}-s{slot + 1}";
        var sheet = new Sheet(j, slot, submissionId, scheduled, FinalDefinitions.Sheet(submissionId, contestant, round));
        Interlocked.Increment(ref Metrics.Sent);
        Interlocked.Increment(ref _inFlight);
        Metrics.RecordSendLag(scheduled, Clock.Now);
        if (O.Http) { _ = SendOverHttp(sheet); return; }
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
            if (socket is null || (O.Failover && !socket.IsOpen)) return;
            id = socket.NextInvocationId();
            attempt = ++sheet.Attempts;
            (sheet.Socket, sheet.InvocationId, sheet.LastSent) = (socket, id, Clock.Now);
        }
        if (attempt > 1) Interlocked.Increment(ref _resubmits);
        _ = Send(socket, sheet, HubFrames.Invocation(id, "Submit", sheet.Body));
        if (O.Failover)
            Scheduler.At(Clock.Now + Clock.Ticks(AnswerTimeout), () =>
            {
                bool unanswered;
                lock (j) unanswered = j.InFlight == sheet && sheet.Attempts == attempt;
                if (unanswered) Retry(sheet, "no-answer-in-10s");
            });
    }

    private async Task Send(HubSocket socket, Sheet sheet, byte[] record)
    {
        if (await socket.Send(record) || O.Failover) return; // with failover, the reconnect sends it again
        if (Release(sheet)) Failed(sheet, "disconnected");
    }

    /// <summary>A failed attempt: the sheet goes again after the tablet's backoff, unless it has waited too long.</summary>
    private void Retry(Sheet sheet, string kind)
    {
        Metrics.Error("retried:" + kind);
        if (Stopped || Clock.Now - sheet.Scheduled > Clock.Ticks(Patience))
        {
            if (Release(sheet)) Failed(sheet, "gave-up");
            return;
        }
        Scheduler.At(Clock.Now + Clock.Ticks(sheet.Backoff.Next()), () => SendOverHub(sheet));
    }

    /// <summary>Takes the sheet off its judge; false when another path (an answer, a give-up) already did.</summary>
    private static bool Release(Sheet sheet)
    {
        var j = sheet.Judge;
        lock (j)
        {
            if (j.InFlight != sheet) return false;
            j.InFlight = null;
            return true;
        }
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
                var (status, answer) = await Nodes[node].Post($"api/finals/{j.Final.Id}/scores", body, j.Auth);
                var now = Clock.Now;
                if (status == HttpStatusCode.OK) { Acked(sheet, Http.VersionOf(answer), now); return; }
                if (!O.Failover || (int)status < 500) { Failed(sheet, $"http:{(int)status}"); return; }
                failure = $"http:{(int)status}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (!O.Failover) { Failed(sheet, "http:" + e.GetType().Name); return; }
                failure = "http:" + e.GetType().Name;
                j.Node = (node + 1) % Nodes.Count; // the tablet tries the next node
            }
            Metrics.Error("retried:" + failure);
            if (Stopped || Clock.Now - sheet.Scheduled > Clock.Ticks(Patience)) { Failed(sheet, "gave-up"); return; }
            await Task.Delay(sheet.Backoff.Next());
        }
    }

    /// <summary>The answer to a Submit over the hub. With failover, an earlier attempt's answer may come after the sheet was sent again: the latest counts.</summary>
    public void Completed(Judge j, HubSocket socket, long invocationId, long version, string? error, long now)
    {
        Sheet? sheet;
        var answered = false;
        lock (j)
        {
            sheet = j.InFlight;
            if (sheet is null || sheet.Socket != socket || sheet.InvocationId != invocationId) sheet = null;
            else
            {
                answered = error is null || !O.Failover || IsAnswer(error);
                if (answered) j.InFlight = null;
            }
        }
        if (sheet is null) { Metrics.Error(O.Failover ? "late-answer" : "unexpected-completion"); return; }
        if (error is null) Acked(sheet, version, now);
        else if (answered) Failed(sheet, "hub:" + StatusOf(error));
        else Retry(sheet, "hub:" + StatusOf(error));
    }

    public void Closed(Judge j, HubSocket socket)
    {
        Metrics.Error("judge-disconnected");
        if (!O.Failover)
        {
            if (j.InFlight is { } sheet) { j.InFlight = null; Failed(sheet, "disconnected"); }
            return;
        }
        if (j.Socket == socket && !Stopped) StartReconnect(j);
    }

    protected override void Reconnected(Device d, HubSocket socket)
    {
        if (d is Judge { InFlight: { } sheet }) SendOverHub(sheet);
    }

    private void Acked(Sheet sheet, long version, long now)
    {
        var f = sheet.Judge.Final;
        Metrics.RecordAck(sheet.Scheduled, now);
        lock (f.Gate) f.Acked.Add(sheet.SubmissionId);
        f.ScreenTracker.Acknowledged(version, sheet.Scheduled);
        var killed = Volatile.Read(ref _killedAt);
        if (killed != 0 && sheet.LastSent > killed) Interlocked.CompareExchange(ref f.FirstAckAfterKill, now, 0);
        Done(sheet);
    }

    private void Failed(Sheet sheet, string kind)
    {
        Metrics.Error(kind);
        Done(sheet);
    }

    private void Done(Sheet sheet)
    {
        Interlocked.Decrement(ref _inFlight);
        done(sheet);
    }

    /// <summary>A 4xx is the server's answer about the sheet (not retried); anything else may be the failover.</summary>
    private static bool IsAnswer(string error) => StatusOf(error) is { Length: 3 } s && s[0] == '4';
}
