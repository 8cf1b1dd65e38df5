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

    /// <summary>
    /// A process and its children together (PostgreSQL: the postmaster and its backends): their CPU time, including
    /// children that have exited since (cutime, cstime); the memory is the parent's.
    /// </summary>
    public static ProcSample? ReadTree(int? pid)
    {
        if (Read(pid) is not { } root) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = root.CpuTicks + long.Parse(f[13]) + long.Parse(f[14]); // fields 16 and 17: cutime, cstime
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var child) || child == pid) continue;
                try
                {
                    var s = File.ReadAllText(Path.Combine(dir, "stat"));
                    var c = s[(s.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(c[1]) == pid) cpu += long.Parse(c[11]) + long.Parse(c[12]); // field 4: ppid
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
            }
            return root with { CpuTicks = cpu };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    /// <summary>CPU used between two samples, in percent of one core (200 = both cores of this machine).</summary>
    public static double CpuPercent(ProcSample from, ProcSample to) =>
        (to.CpuTicks - from.CpuTicks) / TicksPerSecond / Math.Max(1e-9, Clock.Seconds(to.At - from.At)) * 100;

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}

/// <summary>The whole machine's busy CPU from /proc/stat, to tell how much of it other work (other engineers' builds) took.</summary>
public readonly record struct MachineSample(long Busy, long Total)
{
    public static MachineSample? Read()
    {
        try
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = f[3] + f[4]; // idle + iowait
            var total = f.Take(8).Sum();
            return new MachineSample(total - idle, total);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Busy CPU between two samples in percent of one core (200 = both cores busy).</summary>
    public static double? Percent(MachineSample? a, MachineSample? b) => a is { } x && b is { } y && y.Total > x.Total
        ? Math.Round((double)(y.Busy - x.Busy) / (y.Total - x.Total) * Environment.ProcessorCount * 100, 1)
        : null;
}
