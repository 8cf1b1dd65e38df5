namespace Arena.LoadTest;

/// <summary>
/// Screen latency of one final. Each screen remembers the last versions it received and when; an acknowledged sheet
/// (its version v) is delivered to a screen at the first update with version ≥ v, which may arrive before the ack
/// itself (the server pushes, then answers) or after it (then the sheet waits on that screen until it arrives).
/// </summary>
public sealed class ScreenTracker(int screens, Metrics metrics)
{
    private const int History = 32;
    private readonly object _gate = new();
    private readonly long[,] _versions = new long[screens, History];
    private readonly long[,] _times = new long[screens, History];
    private readonly int[] _count = new int[screens];
    private readonly List<(long Version, Delivery Delivery)>[] _waiting = Enumerable.Range(0, screens).Select(_ => new List<(long, Delivery)>()).ToArray();

    public int Screens => screens;

    /// <summary>Sheets acknowledged but not yet seen on some screen.</summary>
    public int Waiting { get { lock (_gate) return _waiting.Sum(w => w.Count); } }

    public void Received(int screen, long version, long now)
    {
        lock (_gate)
        {
            var n = _count[screen]++;
            _versions[screen, n % History] = version;
            _times[screen, n % History] = now;
            var waiting = _waiting[screen];
            for (var i = waiting.Count - 1; i >= 0; i--)
            {
                if (waiting[i].Version > version) continue;
                waiting[i].Delivery.Arrived(now, metrics);
                waiting.RemoveAt(i);
            }
        }
    }

    public void Acknowledged(long version, long scheduled)
    {
        if (screens == 0) return;
        if (metrics.InWindow(scheduled)) Interlocked.Add(ref metrics.ScreenSamplesExpected, screens);
        var delivery = new Delivery(scheduled, screens);
        lock (_gate)
        {
            for (var s = 0; s < screens; s++)
            {
                var seen = FirstAtLeast(s, version);
                if (seen >= 0) delivery.Arrived(seen, metrics);
                else _waiting[s].Add((version, delivery));
            }
        }
    }

    /// <summary>Sheets that never reached a screen by the end of the drain count as errors.</summary>
    public int GiveUp()
    {
        lock (_gate)
        {
            var missed = 0;
            foreach (var w in _waiting) { missed += w.Count(x => metrics.InWindow(x.Delivery.Scheduled)); w.Clear(); }
            return missed;
        }
    }

    private long FirstAtLeast(int screen, long version)
    {
        var n = _count[screen];
        for (var i = Math.Max(0, n - History); i < n; i++)
            if (_versions[screen, i % History] >= version) return _times[screen, i % History];
        return -1;
    }

    /// <summary>One acknowledged change on its way to every screen; the last arrival is the fan-out's latency.</summary>
    private sealed class Delivery(long scheduled, int screens)
    {
        private int _remaining = screens;
        public long Scheduled => scheduled;

        public void Arrived(long at, Metrics metrics)
        {
            metrics.RecordScreen(scheduled, at);
            if (--_remaining == 0) metrics.RecordLastScreen(scheduled, at);
        }
    }
}
