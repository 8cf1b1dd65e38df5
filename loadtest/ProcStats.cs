namespace Arena.LoadTest;

/// <summary>A process's CPU time and memory from /proc (Linux): utime+stime in clock ticks, VmRSS, VmHWM, threads.</summary>
public readonly record struct ProcSample(long CpuTicks, long RssKb, long PeakRssKb, int Threads, long At)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static ProcSample? Read(int? pid)
    {
        if (pid is null) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields[0] is field 3 (state)
            var cpu = long.Parse(fields[11]) + long.Parse(fields[12]); // fields 14 and 15: utime, stime
            long rss = 0, hwm = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:")) rss = Kb(line);
                else if (line.StartsWith("VmHWM:")) hwm = Kb(line);
                else if (line.StartsWith("Threads:")) threads = int.Parse(line[8..].Trim());
            }
            return new ProcSample(cpu, rss, hwm, threads, Clock.Now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    /// <summary>CPU used between two samples, in percent of one core (200 = both cores of this machine).</summary>
    public static double CpuPercent(ProcSample from, ProcSample to) =>
        (to.CpuTicks - from.CpuTicks) / TicksPerSecond / Math.Max(1e-9, Clock.Seconds(to.At - from.At)) * 100;

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
