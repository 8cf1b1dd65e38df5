namespace Arena.LoadTest;

/// <summary>
/// One run against one server (Arena or the baseline hub): set up the finals and devices, play them for the warm-up
/// and the measured window, drain, check the journal, and summarise. The console program and the test both call this.
/// </summary>
public static class LoadRun
{
    public static async Task<RunReport> Play(Options o, string target, Uri url, string adminKey, int? serverPid, bool checkJournal, TextWriter log, CancellationToken ct = default)
    {
        var contestants = Math.Max(o.Contestants, SlotsNeeded(o));
        if (contestants > o.Contestants) log.WriteLine($"loadtest: {contestants} contestants per final so that no final runs out during {o.Warmup.TotalSeconds + o.Duration.TotalSeconds:0.#} s");
        var runTag = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var metrics = new Metrics();
        using var http = new Http(url);
        var admin = await Setup.Admin(http, adminKey);
        var setupWatch = System.Diagnostics.Stopwatch.StartNew();
        var finals = await Setup.Finals(http, admin, o, runTag, metrics, contestants);
        using var scheduler = new Scheduler();
        var player = new Player(o, http, admin, metrics, scheduler, runTag);
        await Setup.Connect(url, finals, player, judgesOverHub: !o.Http, ct);
        if (o.Pacing == Pacing.Rate) await player.OpenFirstStages(finals);
        log.WriteLine($"loadtest: {target}: {finals.Count} finals, {finals.Sum(f => f.Judges.Count)} judges, {finals.Sum(f => f.Screens.Count)} screens ready in {setupWatch.Elapsed.TotalSeconds:0.0} s; playing {o.Describe()}");

        var start = Clock.Now + Clock.Ticks(TimeSpan.FromMilliseconds(100));
        var windowStart = start + Clock.Ticks(o.Warmup);
        var windowEnd = windowStart + Clock.Ticks(o.Duration);
        metrics.SetWindow(windowStart, windowEnd);
        player.Start(finals, start, windowEnd);

        await Until(windowStart, ct);
        var (server0, self0, gc0, machine0) = (ProcSample.Read(serverPid), ProcSample.Read(Environment.ProcessId), GcNow(), MachineSample.Read());
        var startedAt = DateTimeOffset.Now;
        while (Clock.Now < windowEnd)
        {
            await Until(Math.Min(windowEnd, Clock.Now + Clock.Ticks(TimeSpan.FromSeconds(5))), ct);
            if (!o.Quiet) log.WriteLine($"loadtest: {target}: {Clock.Seconds(Clock.Now - windowStart),5:0.0} s  sent {metrics.Sent}  acked {metrics.Acked}  errors {metrics.Errors.Values.Sum()}");
        }
        var (server1, self1, gc1, machine1) = (ProcSample.Read(serverPid), ProcSample.Read(Environment.ProcessId), GcNow(), MachineSample.Read());
        var judgesOpen = finals.Sum(f => f.Judges.Count(j => j.Socket?.IsOpen == true));
        var screensOpen = finals.Sum(f => f.Screens.Count(s => s.Socket?.IsOpen == true));
        await player.Drain(TimeSpan.FromSeconds(10));
        long? lost = checkJournal ? await LostCheck.Count(http, admin, finals) : null;
        var screens = finals.SelectMany(f => f.Screens).Where(s => s.Socket is not null).ToList();
        var updates = screens.Sum(s => s.Socket!.UpdatesReceived);
        double? updateBytes = updates == 0 ? null : Math.Round((double)screens.Sum(s => s.Socket!.BytesReceived) / updates);
        await Task.WhenAll(finals.SelectMany(f => f.Judges.Select(j => j.Socket).Concat(f.Screens.Select(s => s.Socket)))
            .Where(s => s is not null).Select(s => s!.DisposeAsync().AsTask()));

        var seconds = o.Duration.TotalSeconds;
        var generator = Generator(self0, gc0, self1, gc1);
        return new RunReport
        {
            Target = target, Scenario = o.Describe(), StartedAt = startedAt, LoadAverage = LoadAverage(), WindowSeconds = seconds,
            Finals = o.Finals, Judges = o.Judges, Screens = o.Screens, Contestants = contestants,
            Sent = metrics.Sent, Acked = metrics.Acked, AckedInWindow = metrics.AckedInWindow, SheetsPerSecond = Math.Round(metrics.AckedInWindow / seconds, 1),
            AckLatencyMs = Percentiles.Of(metrics.Ack), ScreenLatencyMs = Percentiles.Of(metrics.Screen),
            StageLatencyMs = Percentiles.Of(metrics.Stage), GeneratorSendLagMs = Percentiles.Of(metrics.SendLag),
            ScreenSamples = metrics.ScreenSamples, ScreenSamplesExpected = metrics.ScreenSamplesExpected,
            Errors = new SortedDictionary<string, int>(metrics.Errors.ToDictionary()), ConnectedJudges = judgesOpen, ConnectedScreens = screensOpen,
            FinalsExhausted = player.FinalsExhausted, Lost = lost,
            Server = ProcessStats.From(serverPid, server0, server1), Generator = generator, MachineCpuPercent = MachineSample.Percent(machine0, machine1), UpdateBytesAvg = updateBytes,
            Timeline = Timeline(metrics),
        };
    }

    /// <summary>Contestant slots a final needs so that it does not run out before the window ends.</summary>
    public static int SlotsNeeded(Options o)
    {
        var total = (o.Warmup + o.Duration).TotalSeconds;
        return o.Pacing switch
        {
            Pacing.Venue => (int)Math.Ceiling(total / o.StageEvery.TotalSeconds),
            Pacing.Rate => (int)Math.Ceiling(total * o.Rate!.Value / (o.Finals * o.Judges)) + 1,
            // Closed loop: enough for ~3,000 sheets/s but at most 30 (a real final's size; more would make every
            // standings computation heavier); finals that run out stop and are reported.
            _ => Math.Min(30, (int)Math.Ceiling(total * 3000 / (o.Finals * o.Judges)) + 1),
        };
    }

    private static List<SecondPoint> Timeline(Metrics m) => m.PerSecond.OrderBy(kv => kv.Key).Select(kv => new SecondPoint(kv.Key, kv.Value.Ack.TotalCount,
        Ms(kv.Value.Ack, 50), Ms(kv.Value.Ack, 99), Ms(kv.Value.Screen, 50), Ms(kv.Value.Screen, 99))).ToList();

    private static double Ms(HdrHistogram.HistogramBase h, double p) => h.TotalCount == 0 ? 0 : Math.Round(h.GetValueAtPercentile(p) / 1000.0, 2);

    /// <summary>The generator's own CPU and collections over the window: it shares the machine with the server.</summary>
    public static ProcessStats? Generator(ProcSample? self0, (long, long, long, TimeSpan) gcBefore, ProcSample? self1, (long, long, long, TimeSpan) gcAfter)
    {
        var (g0, g1, g2, p0) = gcBefore;
        var (h0, h1, h2, p1) = gcAfter;
        return ProcessStats.From(Environment.ProcessId, self0, self1) is { } g
            ? g with { Gen0 = h0 - g0, Gen1 = h1 - g1, Gen2 = h2 - g2, GcPauseMs = Math.Round((p1 - p0).TotalMilliseconds, 1) }
            : null;
    }

    public static (long Gen0, long Gen1, long Gen2, TimeSpan Pause) GcNow() =>
        (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static string? LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    public static async Task Until(long when, CancellationToken ct)
    {
        var wait = Clock.Seconds(when - Clock.Now);
        if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), ct);
    }
}
