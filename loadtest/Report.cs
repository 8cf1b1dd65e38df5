using HdrHistogram;

namespace Arena.LoadTest;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record Percentiles(double P50, double P90, double P99, double P999, double Max, long Count)
{
    public static Percentiles Of(HistogramBase h) => h.TotalCount == 0
        ? new(0, 0, 0, 0, 0, 0)
        : new(Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)),
              Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()), h.TotalCount);

    private static double Ms(long us) => Math.Round(us / 1000.0, 2);
}

/// <summary>A process's CPU (percent of one core; 200 = the whole 2-core machine) and memory over the window.</summary>
public sealed record ProcessStats(int? Pid, double CpuPercent, double RssMb, double PeakRssMb, int Threads, long? Gen0, long? Gen1, long? Gen2, double? GcPauseMs)
{
    public static ProcessStats? From(int? pid, ProcSample? from, ProcSample? to) => from is { } a && to is { } b
        ? new(pid, Math.Round(ProcSample.CpuPercent(a, b), 1), Math.Round(b.RssKb / 1024.0, 1), Math.Round(b.PeakRssKb / 1024.0, 1), b.Threads, null, null, null, null)
        : null;

    /// <summary>Several processes (the nodes of a cluster) as one: CPU and memory added up.</summary>
    public static ProcessStats? Sum(IEnumerable<ProcessStats?> all)
    {
        var known = all.OfType<ProcessStats>().ToList();
        return known.Count == 0 ? null : new(null, Math.Round(known.Sum(p => p.CpuPercent), 1), Math.Round(known.Sum(p => p.RssMb), 1),
            Math.Round(known.Sum(p => p.PeakRssMb), 1), known.Sum(p => p.Threads), null, null, null, null);
    }
}

/// <summary>One node of a cluster run: where it listened, its silo address, the final grains it hosted before the kill
/// (from <c>GET /api/cluster/finals/{id}</c>), and its CPU (percent of one core, averaged over the window) and memory.</summary>
public sealed record NodeReport(string Name, string Url, string? Silo, int? FinalsHosted, bool Killed, ProcessStats? Process);

/// <summary>Sheets due in one part of the window (before or after the kill): throughput and latencies.</summary>
public sealed record PhaseReport(double Seconds, long Acked, double SheetsPerSecond, Percentiles AckLatencyMs, Percentiles ScreenLatencyMs);

/// <summary>
/// What the kill did and how fast the run recovered. Times are from the moment the killed node was reaped.
/// "Moved" finals are those whose grain lived on the killed node. A screen is live again when it has received an
/// update newer than the version it had at the kill (after reconnecting and re-joining when it was on the dead node).
/// </summary>
public sealed record FailoverReport
{
    public required string KilledNode { get; init; }
    public required string KilledUrl { get; init; }
    public required double KilledAtSeconds { get; init; }
    public required string Choice { get; init; }
    public required int FinalsOnKilledNode { get; init; }
    public required int FinalsPlaced { get; init; }
    public required int JudgesOnKilledNode { get; init; }
    public required int ScreensOnKilledNode { get; init; }
    /// <summary>First acknowledged sheet (sent after the kill) of any final, and of a final that had to move.</summary>
    public double? FirstAckAfterKillMs { get; init; }
    public double? FirstAckMovedFinalMs { get; init; }
    /// <summary>Until every moved final had acknowledged a sheet sent after the kill (null when one never did).</summary>
    public double? AllMovedFinalsAckingMs { get; init; }
    public required int MovedFinalsNeverAcked { get; init; }
    /// <summary>Until every screen was live again (null when one never was), the median screen, and the two groups.</summary>
    public double? ScreensLiveAgainMs { get; init; }
    public double? ScreensLiveAgainP50Ms { get; init; }
    public double? ReconnectedScreensLiveAgainMs { get; init; }
    public double? StayedScreensOfMovedFinalsLiveAgainMs { get; init; }
    public required int ScreensNeverLiveAgain { get; init; }
    public required long Reconnects { get; init; }
    public required long Resubmits { get; init; }
    public required IReadOnlyDictionary<string, int> ErrorsAfterKill { get; init; }
    public required PhaseReport Before { get; init; }
    public required PhaseReport After { get; init; }
}

/// <summary>One second of the window, for the chart.</summary>
public sealed record SecondPoint(int Second, long Sheets, double AckP50, double AckP99, double ScreenP50, double ScreenP99);

/// <summary>Arena's figures as a fraction of the bare hub's (throughput: higher is better; latency: Arena / baseline).</summary>
public sealed record Ratios(double SheetsPerSecond, double AckP50, double AckP99, double ScreenP50, double ScreenP99);

/// <summary>What one run measured. The JSON report is this record (Arena's run, with the baseline's inside it).</summary>
public sealed record RunReport
{
    public required string Target { get; init; }
    public required string Scenario { get; init; }
    public string? Command { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? LoadAverage { get; init; }
    public required double WindowSeconds { get; init; }
    public required int Finals { get; init; }
    public required int Judges { get; init; }
    public required int Screens { get; init; }
    public required int Contestants { get; init; }
    public required long Sent { get; init; }
    public required long Acked { get; init; }
    /// <summary>Acknowledged sheets that were scheduled inside the window: the ones the percentiles describe.</summary>
    public required long AckedInWindow { get; init; }
    public required double SheetsPerSecond { get; init; }
    public required Percentiles AckLatencyMs { get; init; }
    public required Percentiles ScreenLatencyMs { get; init; }
    public required Percentiles StageLatencyMs { get; init; }
    public required Percentiles GeneratorSendLagMs { get; init; }
    public required long ScreenSamples { get; init; }
    public required long ScreenSamplesExpected { get; init; }
    public required IReadOnlyDictionary<string, int> Errors { get; init; }
    public required int ConnectedJudges { get; init; }
    public required int ConnectedScreens { get; init; }
    public required int FinalsExhausted { get; init; }
    /// <summary>Acknowledged sheets missing from the journals (the same as <see cref="Durability"/>'s missing).</summary>
    public long? Lost { get; init; }
    public Durability? Durability { get; init; }
    public ProcessStats? Server { get; init; }
    public ProcessStats? Generator { get; init; }
    /// <summary>Busy CPU of the whole machine over the window (percent of one core); minus server and generator = others' work.</summary>
    public double? MachineCpuPercent { get; init; }
    public double? OthersCpuPercent => MachineCpuPercent is { } m
        ? Math.Round(m - (Server?.CpuPercent ?? 0) - (Generator?.CpuPercent ?? 0) - (PostgresCpuPercent ?? 0), 1) : null;
    /// <summary>Cluster mode: where the grains are stored, each node, and the CPU of the run's own PostgreSQL (the
    /// postmaster and its backends; null for one given with --postgres, whose CPU then counts as others').</summary>
    public string? Storage { get; init; }
    public IReadOnlyList<NodeReport>? Nodes { get; init; }
    public double? PostgresCpuPercent { get; init; }
    public FailoverReport? Failover { get; init; }
    public double? UpdateBytesAvg { get; init; }
    /// <summary>Fan-out runs: per update, the time until the last screen had it.</summary>
    public Percentiles? LastScreenLatencyMs { get; init; }
    public double? ServerKbPerConnection { get; init; }
    public required IReadOnlyList<SecondPoint> Timeline { get; init; }
    public RunReport? Baseline { get; init; }
    public Ratios? VsBaseline { get; init; }
}
