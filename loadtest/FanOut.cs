using System.Net;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// <c>--screens-only N</c>: N screens (raw WebSocket clients) join one final; the operator switches the screen mode
/// at a fixed rate (open loop), each switch pushing a whole screen state to all N. Reports the delivery latency to
/// every screen and to the last one, and the server's memory per connection.
/// </summary>
public static class FanOut
{
    private static readonly byte[][] Modes = [Encoding.UTF8.GetBytes("{\"mode\":\"ranking\"}"), Encoding.UTF8.GetBytes("{\"mode\":\"stage\"}")];

    public static async Task<RunReport> Play(Options o, string target, Uri url, string adminKey, int? serverPid, TextWriter log, CancellationToken ct = default)
    {
        var n = o.ScreensOnly!.Value;
        var rate = o.Rate ?? 2;
        var metrics = new Metrics();
        using var http = new Http(url);
        var admin = await Setup.Admin(http, adminKey);
        var final = new FinalRun($"lt-fanout-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}", 0, o.Contestants, new ScreenTracker(n, metrics));
        var (created, _) = await http.Post("api/finals", FinalDefinitions.Json(final.Id, o.Judges, o.Contestants), admin);
        if (created != HttpStatusCode.Created) throw new InvalidOperationException($"creating the final answered {(int)created}");
        var code = (await http.PostJson($"api/finals/{final.Id}/access", new { role = "screen", subject = "wall" }, admin))["code"]!.GetValue<string>();
        var tokens = new string[n];
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            tokens[i] = (await http.PostJson("api/auth/code", new { finalId = final.Id, code }, null))["token"]!.GetValue<string>());
        for (var i = 0; i < n; i++) final.Screens.Add(new Screen(final, i, tokens[i]));

        await Task.Delay(1000, ct);
        var before = ProcSample.Read(serverPid);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var scheduler = new Scheduler();
        var player = new Player(o, http, admin, metrics, scheduler, "fanout");
        await Setup.Connect(url, [final], player, judgesOverHub: false, ct);
        await Task.Delay(2000, ct); // let the server settle before reading its memory
        var after = ProcSample.Read(serverPid);
        double? kbPerConnection = before is { } b && after is { } a ? Math.Round((a.RssKb - b.RssKb) / (double)n, 1) : null;
        log.WriteLine($"loadtest: {target}: {n} screens joined in {watch.Elapsed.TotalSeconds:0.0} s; server memory {kbPerConnection} KB per connection; switching the mode {rate}/s");

        var window = await SwitchModes(o, http, admin, final, metrics, serverPid, ct);
        var open = final.Screens.Count(s => s.Socket?.IsOpen == true);
        var updates = final.Screens.Sum(s => s.Socket?.UpdatesReceived ?? 0);
        double? updateBytes = updates == 0 ? null : Math.Round((double)final.Screens.Sum(s => s.Socket?.BytesReceived ?? 0) / updates);
        await Task.WhenAll(final.Screens.Where(s => s.Socket is not null).Select(s => s.Socket!.DisposeAsync().AsTask()));
        return Report(o, target, n, metrics, window, serverPid, open, kbPerConnection, updateBytes);
    }

    /// <summary>What was sampled around the measured window.</summary>
    internal sealed record Window(ProcSample? Server0, ProcSample? Server1, ProcSample? Self0, ProcSample? Self1,
        (long, long, long, TimeSpan) Gc0, (long, long, long, TimeSpan) Gc1, MachineSample? Machine0, MachineSample? Machine1);

    /// <summary>
    /// The admin switches the screen mode at <c>--rate</c> (open loop) through the warm-up and the window, each switch
    /// acknowledged and then awaited on every screen (or viewer) of <paramref name="final"/>; then the stragglers are
    /// waited for (10 s at most) and what never arrived counts as <c>screen-missed</c>.
    /// </summary>
    internal static async Task<Window> SwitchModes(Options o, Http http, System.Net.Http.Headers.AuthenticationHeaderValue admin, FinalRun final, Metrics metrics, int? serverPid, CancellationToken ct)
    {
        var rate = o.Rate ?? 2;
        using var scheduler = new Scheduler();
        var start = Clock.Now + Clock.Ticks(TimeSpan.FromMilliseconds(100));
        var windowStart = start + Clock.Ticks(o.Warmup);
        var windowEnd = windowStart + Clock.Ticks(o.Duration);
        metrics.SetWindow(windowStart, windowEnd);
        var inFlight = 0;
        for (long k = 0; ; k++)
        {
            var at = start + (long)(k / rate * System.Diagnostics.Stopwatch.Frequency);
            if (at >= windowEnd) break;
            var body = Modes[k % 2];
            scheduler.At(at, () =>
            {
                Interlocked.Increment(ref metrics.Sent);
                Interlocked.Increment(ref inFlight);
                _ = Switch(http, admin, final, body, at, metrics).ContinueWith(_ => Interlocked.Decrement(ref inFlight));
            });
        }
        await LoadRun.Until(windowStart, ct);
        var (server0, self0, gc0, machine0) = (ProcSample.Read(serverPid), ProcSample.Read(Environment.ProcessId), LoadRun.GcNow(), MachineSample.Read());
        await LoadRun.Until(windowEnd, ct);
        var (server1, self1, gc1, machine1) = (ProcSample.Read(serverPid), ProcSample.Read(Environment.ProcessId), LoadRun.GcNow(), MachineSample.Read());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && (Volatile.Read(ref inFlight) > 0 || final.ScreenTracker.Waiting > 0)) await Task.Delay(20, ct);
        if (final.ScreenTracker.GiveUp() is > 0 and var missed) metrics.Error("screen-missed", missed);
        return new Window(server0, server1, self0, self1, gc0, gc1, machine0, machine1);
    }

    internal static RunReport Report(Options o, string target, int screens, Metrics metrics, Window w, int? serverPid, int open, double? kbPerConnection, double? updateBytes) => new()
    {
        Target = target, Scenario = o.Describe(), StartedAt = DateTimeOffset.Now, LoadAverage = LoadRun.LoadAverage(), WindowSeconds = o.Duration.TotalSeconds,
        Finals = 1, Judges = 0, Screens = screens, Contestants = o.Contestants, Sent = metrics.Sent, Acked = metrics.Acked, AckedInWindow = metrics.AckedInWindow,
        SheetsPerSecond = Math.Round(metrics.AckedInWindow / o.Duration.TotalSeconds, 1),
        AckLatencyMs = Percentiles.Of(metrics.Ack), ScreenLatencyMs = Percentiles.Of(metrics.Screen), LastScreenLatencyMs = Percentiles.Of(metrics.LastScreen),
        StageLatencyMs = Percentiles.Of(metrics.Stage), GeneratorSendLagMs = Percentiles.Of(metrics.SendLag),
        ScreenSamples = metrics.ScreenSamples, ScreenSamplesExpected = metrics.ScreenSamplesExpected,
        Errors = new SortedDictionary<string, int>(metrics.Errors.ToDictionary()), ConnectedJudges = 0, ConnectedScreens = open, FinalsExhausted = 0,
        Server = ProcessStats.From(serverPid, w.Server0, w.Server1), Generator = LoadRun.Generator(w.Self0, w.Gc0, w.Self1, w.Gc1), MachineCpuPercent = MachineSample.Percent(w.Machine0, w.Machine1),
        ServerKbPerConnection = kbPerConnection, UpdateBytesAvg = updateBytes, Timeline = [],
    };

    /// <summary>One mode switch by the admin over HTTP: its acknowledged version is then awaited on every screen of the final.</summary>
    internal static async Task Switch(Http http, System.Net.Http.Headers.AuthenticationHeaderValue admin, FinalRun final, byte[] body, long scheduled, Metrics metrics)
    {
        try
        {
            var (status, answer) = await http.Post($"api/finals/{final.Id}/screen", body, admin);
            var now = Clock.Now;
            if (status != HttpStatusCode.OK) { metrics.Error($"screen-mode:{(int)status}"); return; }
            metrics.RecordAck(scheduled, now);
            final.ScreenTracker.Acknowledged(Http.VersionOf(answer), scheduled);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { metrics.Error("screen-mode:" + e.GetType().Name); }
    }
}
