using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Arena.Web;

/// <summary>
/// Arena's own instruments (meter <c>Arena</c>): sheets accepted and rejected, how long a judge waits for the
/// acknowledgement, how long an update takes from the final grain to this node's screens, and who is connected.
/// </summary>
public sealed class ArenaMetrics
{
    public const string MeterName = "Arena";
    public static readonly ActivitySource Activities = new("Arena");

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _ack;
    private readonly Histogram<double> _push;
    private long _screens;
    private long _judges;

    public ArenaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("arena.sheets.accepted", description: "Sheets durably stored and acknowledged");
        _rejected = meter.CreateCounter<long>("arena.sheets.rejected", description: "Sheets refused, by HTTP status");
        _ack = meter.CreateHistogram<double>("arena.sheet.ack.duration", "ms", "From a sheet's arrival to its acknowledgement");
        _push = meter.CreateHistogram<double>("arena.standings.push.duration", "ms", "From a change in the final grain to its push to this node's screens");
        meter.CreateObservableGauge("arena.screens.connected", () => Interlocked.Read(ref _screens), description: "Screen connections on this node");
        meter.CreateObservableGauge("arena.judges.connected", () => Interlocked.Read(ref _judges), description: "Judge connections on this node");
    }

    /// <summary>Times a submission from arrival to acknowledgement, and counts it as accepted or rejected.</summary>
    public async Task<T> Sheet<T>(string transport, Func<Task<T>> submit)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var ack = await submit();
            _accepted.Add(1, new KeyValuePair<string, object?>("transport", transport));
            _ack.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("transport", transport));
            return ack;
        }
        catch (ArenaProblem p)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("status", p.Status));
            throw;
        }
    }

    public void Pushed(DateTimeOffset changedAt) => _push.Record((DateTimeOffset.UtcNow - changedAt).TotalMilliseconds);

    public void ScreenConnected(int delta) => Interlocked.Add(ref _screens, delta);

    public void JudgeConnected(int delta) => Interlocked.Add(ref _judges, delta);
}
