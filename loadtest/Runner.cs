namespace Arena.LoadTest;

/// <summary>
/// Picks the server(s) and the scenario: Arena at --url, or one this run starts and stops; then, with --baseline,
/// the same shape against the bare hub; the report carries Arena's figures as a ratio of the hub's. With --nodes, a
/// cluster of Arena nodes on PostgreSQL that this run starts and stops.
/// </summary>
public static class Runner
{
    public static async Task<RunReport> Run(Options o, TextWriter log)
    {
        RunReport arena;
        if (o.Nodes is not null)
        {
            await using var cluster = await ClusterNodes.Start(o, log);
            // The cluster's journals are read from the surviving nodes without a restart (durability.restarted=false):
            // --kill-node-after is the cluster's kill test, with PostgreSQL as the disk.
            arena = o.ScreensOnly is not null
                ? await FanOut.Play(o, "arena", cluster.Servers[0].Url, cluster.AdminKey, cluster.Servers[0].Pid, log)
                : await LoadRun.Play(o, "arena", cluster.Targets, cluster.AdminKey, checkJournal: true, log, cluster.PostgresPid);
        }
        else if (o.Url is { } url) arena = await Scenario(o, "arena", url, o.AdminKey!, o.ServerPid, checkJournal: true, log);
        else
        {
            await using var server = await ServerProcess.StartArena(o, log);
            log.WriteLine($"loadtest: started Arena at {server.Url} (pid {server.Pid}, log {server.LogPath})");
            arena = await Scenario(o, "arena", server.Url, server.AdminKey, server.Pid, checkJournal: true, log, server.Restart);
        }
        if (!o.Baseline) return arena;

        await using var hub = await ServerProcess.StartBaseline(o);
        log.WriteLine($"loadtest: started the bare SignalR hub at {hub.Url} (pid {hub.Pid})");
        var baseline = await Scenario(o, "baseline", hub.Url, "baseline", hub.Pid, checkJournal: false, log);
        return arena with { Baseline = baseline, VsBaseline = Compare(arena, baseline) };
    }

    private static Task<RunReport> Scenario(Options o, string target, Uri url, string key, int? pid, bool checkJournal, TextWriter log, Func<Task>? restart = null) =>
        o.ScreensOnly is not null ? FanOut.Play(o, target, url, key, pid, log)
        : o.Viewers is not null ? PublicViewersRun.Play(o, target, url, key, pid, log)
        : LoadRun.Play(o, target, url, key, pid, checkJournal, log, restart: restart);

    private static Ratios Compare(RunReport a, RunReport b)
    {
        static double R(double x, double y) => y == 0 ? 0 : Math.Round(x / y, 2);
        return new Ratios(R(a.SheetsPerSecond, b.SheetsPerSecond), R(a.AckLatencyMs.P50, b.AckLatencyMs.P50), R(a.AckLatencyMs.P99, b.AckLatencyMs.P99),
            R(a.ScreenLatencyMs.P50, b.ScreenLatencyMs.P50), R(a.ScreenLatencyMs.P99, b.ScreenLatencyMs.P99));
    }
}
