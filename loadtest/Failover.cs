using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Arena.LoadTest;

/// <summary>A node the run drives: its web address, its process (for its CPU and memory), and how to kill it.</summary>
public sealed class TargetNode(string name, Uri url, int? pid, Func<Task>? kill)
{
    public string Name => name;
    public Uri Url => url;
    public int? Pid => pid;
    public Func<Task>? Kill => kill;
    /// <summary>Its silo address, as <c>GET /api/cluster</c> names it (cluster mode).</summary>
    public string? Silo { get; set; }
}

/// <summary>
/// <c>--kill-node-after</c>: shortly before the moment, asks where every final's grain lives
/// (<c>GET /api/cluster/finals/{id}</c>), picks the node hosting the most of them (ties: the first), and SIGKILLs it
/// at the moment; afterwards, sums up how the run recovered.
/// </summary>
public static class Failover
{
    public sealed record Killing(int Node, long At, int[] FinalsPerNode, int FinalsPlaced, string Choice, ProcSample? LastSample,
        IReadOnlyDictionary<string, int> ErrorsBefore, int JudgesOnNode, int ScreensOnNode);

    public static async Task<string?> SiloOf(Http http, AuthenticationHeaderValue admin)
    {
        using var view = await http.GetJson("api/cluster", admin);
        return view.RootElement.GetProperty("node").GetString();
    }

    public static async Task<Killing?> Kill(IReadOnlyList<TargetNode> nodes, IReadOnlyList<Http> https, AuthenticationHeaderValue admin, IReadOnlyList<FinalRun> finals,
        Player player, Metrics metrics, long windowStart, long at, TextWriter log, CancellationToken ct)
    {
        await LoadRun.Until(at - Clock.Ticks(TimeSpan.FromSeconds(2)), ct);
        var placed = new ConcurrentDictionary<string, string?>();
        await Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (f, _) =>
        {
            using var doc = await https[0].GetJson($"api/cluster/finals/{f.Id}", admin);
            placed[f.Id] = doc.RootElement.TryGetProperty("silo", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        });
        var perNode = nodes.Select(n => placed.Values.Count(s => s is not null && s == n.Silo)).ToArray();
        var victim = Array.IndexOf(perNode, perNode.Max());
        var choice = $"the node hosting the most final grains: {string.Join(", ", nodes.Select((n, i) => $"{n.Name} {perNode[i]}"))} of {finals.Count}";
        var onVictim = placed.Where(kv => kv.Value is not null && kv.Value == nodes[victim].Silo).Select(kv => kv.Key).ToHashSet();

        await LoadRun.Until(at, ct);
        player.Killing(victim, onVictim);
        var judges = finals.Sum(f => f.Judges.Count(j => j.Node == victim));
        var screens = finals.Sum(f => f.Screens.Count(s => s.Node == victim));
        var errorsBefore = metrics.Errors.ToDictionary();
        var last = ProcSample.Read(nodes[victim].Pid);
        metrics.SetSplit(Clock.Now);
        await nodes[victim].Kill!();
        var killedAt = Clock.Now;
        player.Killed(killedAt);
        log.WriteLine($"loadtest: SIGKILL node {nodes[victim].Name} ({nodes[victim].Url}) {Clock.Seconds(killedAt - windowStart):0.0} s into the window: " +
                      $"{perNode[victim]} final grains, {judges} judges' and {screens} screens' connections on it ({choice})");
        return new Killing(victim, killedAt, perNode, placed.Values.Count(s => s is not null), choice, last, errorsBefore, judges, screens);
    }

    public static FailoverReport Report(Killing k, IReadOnlyList<FinalRun> finals, Player player, Metrics m, long windowStart, long windowEnd, IReadOnlyList<TargetNode> nodes)
    {
        double Ms(long t) => Math.Round(Clock.Micros(t - k.At) / 1000.0, 0);
        double? Max(IEnumerable<long> times, bool allKnown = true)
        {
            var list = times.ToList();
            return list.Count == 0 || (allKnown && list.Contains(0)) ? null : Ms(list.Max());
        }
        var acks = finals.Select(f => f.FirstAckAfterKill).Where(t => t != 0).ToList();
        var moved = finals.Where(f => f.OnKilledNode).ToList();
        var movedAcks = moved.Select(f => f.FirstAckAfterKill).ToList();
        var screens = finals.SelectMany(f => f.Screens).ToList();
        var live = screens.Where(s => s.LiveAgainAt != 0).Select(s => s.LiveAgainAt).Order().ToList();
        var errors = m.Errors.ToDictionary();
        var errorsAfter = new SortedDictionary<string, int>(errors
            .Select(kv => (kv.Key, Count: kv.Value - k.ErrorsBefore.GetValueOrDefault(kv.Key))).Where(x => x.Count > 0).ToDictionary(x => x.Key, x => x.Count));
        return new FailoverReport
        {
            KilledNode = nodes[k.Node].Name,
            KilledUrl = nodes[k.Node].Url.ToString(),
            KilledAtSeconds = Math.Round(Clock.Seconds(k.At - windowStart), 2),
            Choice = k.Choice,
            FinalsOnKilledNode = k.FinalsPerNode[k.Node],
            FinalsPlaced = k.FinalsPlaced,
            JudgesOnKilledNode = k.JudgesOnNode,
            ScreensOnKilledNode = k.ScreensOnNode,
            FirstAckAfterKillMs = acks.Count == 0 ? null : Ms(acks.Min()),
            FirstAckMovedFinalMs = movedAcks.Any(t => t != 0) ? Ms(movedAcks.Where(t => t != 0).Min()) : null,
            AllMovedFinalsAckingMs = Max(movedAcks),
            MovedFinalsNeverAcked = movedAcks.Count(t => t == 0),
            ScreensLiveAgainMs = Max(screens.Select(s => s.LiveAgainAt)),
            ScreensLiveAgainP50Ms = live.Count == 0 ? null : Ms(live[live.Count / 2]),
            ReconnectedScreensLiveAgainMs = Max(screens.Where(s => s.OnKilledNode).Select(s => s.LiveAgainAt)),
            StayedScreensOfMovedFinalsLiveAgainMs = Max(screens.Where(s => !s.OnKilledNode && s.Final.OnKilledNode).Select(s => s.LiveAgainAt)),
            ScreensNeverLiveAgain = screens.Count(s => s.LiveAgainAt == 0),
            Reconnects = player.Reconnects,
            Resubmits = player.Resubmits,
            ErrorsAfterKill = errorsAfter,
            Before = Phase(m.Before, Clock.Seconds(m.Split - windowStart)),
            After = Phase(m.After, Clock.Seconds(windowEnd - m.Split)),
        };
    }

    private static PhaseReport Phase(Metrics.Phase p, double seconds) =>
        new(Math.Round(seconds, 2), p.Acked, seconds <= 0 ? 0 : Math.Round(p.Acked / seconds, 1), Percentiles.Of(p.Ack), Percentiles.Of(p.Screen));
}
