namespace Arena.LoadTest;

/// <summary>
/// One run against one server (Arena or the baseline hub): set up the finals and devices, play them for the warm-up
/// and the measured window, drain, check the journal, and summarise. The console program and the test both call this.
/// </summary>
public static class LoadRun
{
    /// <summary>
    /// One run against one node. With <paramref name="restart"/> (a server this run started) the journals are read
    /// after a SIGKILL and a restart on the same data folder; without it (a server at --url) from the running server.
    /// </summary>
    public static Task<RunReport> Play(Options o, string target, Uri url, string adminKey, int? serverPid, bool checkJournal, TextWriter log,
        CancellationToken ct = default, Func<Task>? restart = null) =>
        Play(o, target, [new TargetNode("A", url, serverPid, null)], adminKey, checkJournal, log, postgresPid: null, ct, restart);

    /// <summary>
    /// One run against one node or a cluster of several: the finals are created and the devices connected round-robin
    /// over the nodes; with <see cref="Options.KillNodeAfter"/> one node is killed inside the window and the report
    /// says how the run recovered.
    /// </summary>
    public static async Task<RunReport> Play(Options o, string target, IReadOnlyList<TargetNode> nodes, string adminKey, bool checkJournal, TextWriter log,
        int? postgresPid, CancellationToken ct = default, Func<Task>? restart = null)
    {
        var contestants = o.Contestants; // fixed whatever the rate: see FinalDefinitions
        var runTag = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var metrics = new Metrics();
        var https = nodes.Select(n => new Http(n.Url)).ToList();
        try
        {
            var admin = await Setup.Admin(https[0], adminKey);
            if (o.Nodes is not null)
                for (var i = 0; i < nodes.Count; i++) nodes[i].Silo = await Failover.SiloOf(https[i], admin);
            var setupWatch = System.Diagnostics.Stopwatch.StartNew();
            var finals = await Setup.Finals(https, admin, o, runTag, metrics, contestants);
            using var scheduler = new Scheduler();
            var player = new Player(o, https, admin, metrics, scheduler, runTag);
            await Setup.Connect(nodes.Select(n => n.Url).ToList(), finals, player, judgesOverHub: !o.Http, ct);
            if (o.Pacing == Pacing.Rate) await player.OpenFirstStages(finals);
            log.WriteLine($"loadtest: {target}: {finals.Count} finals, {finals.Sum(f => f.Judges.Count)} judges, {finals.Sum(f => f.Screens.Count)} screens ready in {setupWatch.Elapsed.TotalSeconds:0.0} s" +
                          (nodes.Count > 1 ? $" on {nodes.Count} nodes" : "") + $"; playing {o.Describe()}");

            var start = Clock.Now + Clock.Ticks(TimeSpan.FromMilliseconds(100));
            var windowStart = start + Clock.Ticks(o.Warmup);
            var windowEnd = windowStart + Clock.Ticks(o.Duration);
            metrics.SetWindow(windowStart, windowEnd);
            player.Start(finals, start, windowEnd);
            Task<Failover.Killing?> kill = o.KillNodeAfter is { } after
                ? Failover.Kill(nodes, https, admin, finals, player, metrics, windowStart, windowStart + Clock.Ticks(after), log, ct)
                : Task.FromResult<Failover.Killing?>(null);

            await Until(windowStart, ct);
            var (nodes0, self0, gc0, machine0, pg0) = (nodes.Select(n => ProcSample.Read(n.Pid)).ToList(), ProcSample.Read(Environment.ProcessId), GcNow(), MachineSample.Read(), ProcSample.ReadTree(postgresPid));
            var startedAt = DateTimeOffset.Now;
            while (Clock.Now < windowEnd)
            {
                await Until(Math.Min(windowEnd, Clock.Now + Clock.Ticks(TimeSpan.FromSeconds(5))), ct);
                if (!o.Quiet) log.WriteLine($"loadtest: {target}: {Clock.Seconds(Clock.Now - windowStart),5:0.0} s  sent {metrics.Sent}  acked {metrics.Acked}  errors {metrics.Errors.Values.Sum()}");
            }
            var killing = await kill;
            var (nodes1, self1, gc1, machine1, pg1) = (nodes.Select(n => ProcSample.Read(n.Pid)).ToList(), ProcSample.Read(Environment.ProcessId), GcNow(), MachineSample.Read(), ProcSample.ReadTree(postgresPid));
            if (killing is not null) nodes1[killing.Node] = killing.LastSample is { } last && nodes1.FirstOrDefault(x => x is not null) is { } end ? last with { At = end.At } : null;
            var judgesOpen = finals.Sum(f => f.Judges.Count(j => j.Socket?.IsOpen == true));
            var screensOpen = finals.Sum(f => f.Screens.Count(s => s.Socket?.IsOpen == true));
            await player.Drain(TimeSpan.FromSeconds(o.Failover ? 60 : 10),
                killing is null ? null : () => finals.Any(f => f.Screens.Any(s => s.LiveAgainAt == 0)));
            player.Stop();
            var failover = killing is null ? null : Failover.Report(killing, finals, player, metrics, windowStart, windowEnd, nodes);
            var screens = finals.SelectMany(f => f.Screens).Where(s => s.Socket is not null).ToList();
            var updates = screens.Sum(s => s.Socket!.UpdatesReceived);
            double? updateBytes = updates == 0 ? null : Math.Round((double)screens.Sum(s => s.Socket!.BytesReceived) / updates);
            // Closed before any restart, so that the kill is not counted as the devices' disconnection.
            await Task.WhenAll(finals.SelectMany(f => f.Judges.Select(j => j.Socket).Concat(f.Screens.Select(s => s.Socket)))
                .Where(s => s is not null).Select(s => s!.DisposeAsync().AsTask()));
            var live = nodes[killing is null ? 0 : (killing.Node + 1) % nodes.Count].Url;
            var durability = checkJournal ? await ReadBack(live, adminKey, finals, restart, log) : null;

            var seconds = o.Duration.TotalSeconds;
            var generator = Generator(self0, gc0, self1, gc1);
            var nodeStats = nodes.Select((n, i) => ProcessStats.From(n.Pid, nodes0[i], nodes1[i])).ToList();
            return new RunReport
            {
                Target = target, Scenario = o.Describe(), StartedAt = startedAt, LoadAverage = LoadAverage(), WindowSeconds = seconds,
                Finals = o.Finals, Judges = o.Judges, Screens = o.Screens, Contestants = contestants,
                Sent = metrics.Sent, Acked = metrics.Acked, AckedInWindow = metrics.AckedInWindow, SheetsPerSecond = Math.Round(metrics.AckedInWindow / seconds, 1),
                AckLatencyMs = Percentiles.Of(metrics.Ack), ScreenLatencyMs = Percentiles.Of(metrics.Screen),
                StageLatencyMs = Percentiles.Of(metrics.Stage), GeneratorSendLagMs = Percentiles.Of(metrics.SendLag),
                ScreenSamples = metrics.ScreenSamples, ScreenSamplesExpected = metrics.ScreenSamplesExpected,
                Errors = new SortedDictionary<string, int>(metrics.Errors.ToDictionary()), ConnectedJudges = judgesOpen, ConnectedScreens = screensOpen,
                FinalsExhausted = player.FinalsExhausted, Lost = durability?.Missing, Durability = durability,
                Server = nodes.Count == 1 ? nodeStats[0] : ProcessStats.Sum(nodeStats), Generator = generator, MachineCpuPercent = MachineSample.Percent(machine0, machine1),
                UpdateBytesAvg = updateBytes, Timeline = Timeline(metrics),
                Storage = o.Nodes is null ? null : "PostgreSQL",
                Nodes = o.Nodes is null ? null : nodes.Select((n, i) => new NodeReport(n.Name, n.Url.ToString(), n.Silo, killing?.FinalsPerNode[i], killing?.Node == i, nodeStats[i])).ToList(),
                PostgresCpuPercent = pg0 is { } p0 && pg1 is { } p1 ? Math.Round(ProcSample.CpuPercent(p0, p1), 1) : null,
                Failover = failover,
            };
        }
        finally
        {
            foreach (var h in https) h.Dispose();
        }
    }

    /// <summary>The journals, after a SIGKILL and a restart when <paramref name="restart"/> is given; a fresh client, as the old one's connections died with the process.</summary>
    private static async Task<Durability> ReadBack(Uri url, string adminKey, IReadOnlyList<FinalRun> finals, Func<Task>? restart, TextWriter log)
    {
        if (restart is not null)
        {
            log.WriteLine("loadtest: SIGKILL of the server, restart on the same data folder, then every journal read back");
            await restart();
        }
        using var http = new Http(url);
        var admin = await Setup.Admin(http, adminKey);
        return await DurabilityCheck.Read(http, admin, finals, restarted: restart is not null);
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
