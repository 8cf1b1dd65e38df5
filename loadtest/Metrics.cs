using System.Collections.Concurrent;
using HdrHistogram;

namespace Arena.LoadTest;

/// <summary>
/// What a run records: ack, screen and stage-call latencies (HdrHistogram, microseconds) for sheets scheduled inside
/// the measured window, per-second series for the chart, and errors by kind. Recording takes one short lock: a few
/// thousand samples a second do not contend.
/// </summary>
public sealed class Metrics
{
    private const long Highest = 120_000_000; // two minutes, in µs
    private readonly object _gate = new();
    private readonly Dictionary<int, (LongHistogram Ack, LongHistogram Screen)> _perSecond = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public LongHistogram Ack { get; } = new(Highest, 3);
    public LongHistogram Screen { get; } = new(Highest, 3);
    public LongHistogram Stage { get; } = new(Highest, 3);
    /// <summary>Per acknowledged change: until the last screen of its final had it.</summary>
    public LongHistogram LastScreen { get; } = new(Highest, 3);
    /// <summary>How late the generator sent sheets after their scheduled time (its own lag, not the server's).</summary>
    public LongHistogram SendLag { get; } = new(Highest, 3);
    private long windowStart = long.MaxValue, windowEnd = long.MaxValue;
    public long WindowStart => windowStart;
    public long WindowEnd => windowEnd;

    /// <summary>Sheets scheduled in [start, end) count; the warm-up before and the drain after do not.</summary>
    public void SetWindow(long start, long end) => (windowStart, windowEnd) = (start, end);
    public long Sent;
    public long Acked;
    public long AckedInWindow;
    public long ScreenSamples;
    public long ScreenSamplesExpected;
    public IReadOnlyDictionary<string, int> Errors => _errors;
    public IReadOnlyDictionary<int, (LongHistogram Ack, LongHistogram Screen)> PerSecond => _perSecond;

    public bool InWindow(long scheduled) => scheduled >= windowStart && scheduled < windowEnd;

    /// <summary>
    /// Failover runs: the moment of the kill splits the window in two; each sheet counts in the part it was due in
    /// (so a sheet due just before the kill and answered after the recovery counts, with its wait, before it).
    /// </summary>
    public long Split { get; private set; } = long.MaxValue;
    public void SetSplit(long at) => Split = at;
    public Phase Before { get; } = new();
    public Phase After { get; } = new();

    /// <summary>Acknowledged sheets and their ack and screen latencies, in one part of the window.</summary>
    public sealed class Phase
    {
        public LongHistogram Ack { get; } = new(Highest, 3);
        public LongHistogram Screen { get; } = new(Highest, 3);
        public long Acked;
    }

    private Phase PhaseOf(long scheduled) => scheduled < Split ? Before : After;

    public void Error(string kind, int count = 1) => _errors.AddOrUpdate(kind, count, (_, n) => n + count);

    public void RecordAck(long scheduled, long now)
    {
        Interlocked.Increment(ref Acked);
        if (!InWindow(scheduled)) return;
        var us = Math.Clamp(Clock.Micros(now - scheduled), 1, Highest);
        lock (_gate)
        {
            AckedInWindow++;
            Ack.RecordValue(us);
            var phase = PhaseOf(scheduled);
            phase.Acked++;
            phase.Ack.RecordValue(us);
            Bucket(scheduled).Ack.RecordValue(us);
        }
    }

    public void RecordScreen(long scheduled, long now)
    {
        if (!InWindow(scheduled)) return;
        var us = Math.Clamp(Clock.Micros(now - scheduled), 1, Highest);
        lock (_gate)
        {
            ScreenSamples++;
            Screen.RecordValue(us);
            PhaseOf(scheduled).Screen.RecordValue(us);
            Bucket(scheduled).Screen.RecordValue(us);
        }
    }

    public void RecordLastScreen(long scheduled, long now)
    {
        if (!InWindow(scheduled)) return;
        lock (_gate) LastScreen.RecordValue(Math.Clamp(Clock.Micros(now - scheduled), 1, Highest));
    }

    public void RecordStage(long scheduled, long now)
    {
        if (!InWindow(scheduled)) return;
        lock (_gate) Stage.RecordValue(Math.Clamp(Clock.Micros(now - scheduled), 1, Highest));
    }

    public void RecordSendLag(long scheduled, long now)
    {
        if (!InWindow(scheduled)) return;
        lock (_gate) SendLag.RecordValue(Math.Clamp(Clock.Micros(now - scheduled), 1, Highest));
    }

    private (LongHistogram Ack, LongHistogram Screen) Bucket(long scheduled)
    {
        var second = (int)Clock.Seconds(scheduled - windowStart);
        if (!_perSecond.TryGetValue(second, out var b))
            _perSecond[second] = b = (new LongHistogram(Highest, 2), new LongHistogram(Highest, 2));
        return b;
    }
}
