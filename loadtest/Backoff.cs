namespace Arena.LoadTest;

/// <summary>
/// The pause between two attempts of a tablet, a screen or the operator's laptop: 0.1 s doubling to 1 s, so that a
/// node coming back is found within a second, without a thousand devices hammering a dead one. Not thread-safe: each
/// retrying thing (a sheet, a screen's join, a reconnect, a stage call) owns one.
/// </summary>
public sealed class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(1);
    private TimeSpan _next = First;

    /// <summary>The pause before the next attempt; the one after it is twice as long, up to <see cref="Longest"/>.</summary>
    public TimeSpan Next()
    {
        var pause = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Longest.Ticks));
        return pause;
    }

    /// <summary>After a success: the next failure starts again from <see cref="First"/>.</summary>
    public void Reset() => _next = First;
}
