using System.Diagnostics;

namespace Arena.LoadTest;

/// <summary>One monotonic time base for the whole run, in Stopwatch ticks; latencies are recorded in microseconds.</summary>
public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Stopwatch.Frequency);

    public static long Micros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
