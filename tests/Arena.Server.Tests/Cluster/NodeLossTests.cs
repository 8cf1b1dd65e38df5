using System.Diagnostics;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>
/// A final survives the loss of the node that hosts its grain: two real silo processes as one cluster on PostgreSQL;
/// the final is created through one node and its grain lives there, while the judges' tablets talk to the other.
/// One test at a time (one class): a starved CPU would slow failure detection down for both.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task judges_on_the_surviving_node_lose_nothing_when_the_final_grains_node_is_killed()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await using var show = await Show.Start(nodes, contestants: 12);

        // Before: the first two contestants are scored through the surviving node, with tokens the host issued.
        await show.ScoreEveryone(["c1", "c2"]);

        // Mid-final: every judge scores c3…c12 back to back; the host dies under them, a round or so in, so that
        // every judge has a sheet in flight.
        var sheets = show.ScoreInTurn([.. Enumerable.Range(3, 10).Select(c => $"c{c}")], pause: TimeSpan.Zero);
        await show.UntilAcknowledged(2 * Show.Judges + 8);
        await show.Host.KillAsync();
        var killed = Stopwatch.GetTimestamp(); // reaped: from here on nothing can be answered by the host
        var after = await sheets;

        var lost = after.Where(s => !s.Acknowledged).ToList();
        Assert.True(lost.Count == 0, "Not acknowledged within 60 s: " + string.Join("; ", lost.Select(s => $"{s.SubmissionId}: {string.Join(" | ", s.Failures.TakeLast(3))}")));
        var firstAck = after.Where(s => s.LastSent > killed).Min(s => s.Answered);
        var recovery = Stopwatch.GetElapsedTime(killed, firstAck);
        var inFlight = after.Count(s => s.FirstSent < killed && s.Answered > killed);
        output.WriteLine($"final grain on node {(show.Host == nodes.A ? "A, where it was created" : "B")}; " +
                         $"recovery (SIGKILL → first acknowledged sheet on the surviving node): {recovery.TotalSeconds:F1} s; " +
                         $"{inFlight} sheets in flight at the kill, {after.Sum(s => s.Failures.Count)} failed attempts retried");
        // What the tablets saw meanwhile: "unavailable, try again" (503) or no answer in time, never a bare 500.
        Assert.All(after.SelectMany(s => s.Failures), f => Assert.False(f.StartsWith("500 ", StringComparison.Ordinal), f));

        Assert.True(inFlight > 0, "No sheet was in flight at the kill");
        await show.AssertEverySheetCounted(contestants: 12);
        await show.AssertFinalLivesOnSurvivor();
        Assert.Contains(show.HostSilo, await show.DeadSilos());
    }

    [Fact]
    public async Task a_node_stopped_with_sigterm_leaves_the_cluster_and_its_final_carries_on_at_once_on_the_other()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await using var show = await Show.Start(nodes, contestants: 3);
        await show.ScoreEveryone(["c1"]);

        var stopping = Stopwatch.GetTimestamp();
        var exitCode = await show.Host.StopAsync(TimeSpan.FromSeconds(45));
        var exited = Stopwatch.GetTimestamp();
        Assert.Equal(0, exitCode);

        // At once, and not one failed attempt: had the node just vanished, these calls would wait for failure detection.
        var sheets = await show.ScoreInTurn(["c2", "c3"], pause: TimeSpan.Zero);
        var firstAck = Stopwatch.GetElapsedTime(exited, sheets.Min(s => s.Answered));
        output.WriteLine($"SIGTERM → exit: {Stopwatch.GetElapsedTime(stopping, exited).TotalSeconds:F1} s; " +
                         $"then first sheet acknowledged after {firstAck.TotalMilliseconds:F0} ms, {sheets.Sum(s => s.Failures.Count)} failed attempts");
        Assert.All(sheets, s => Assert.True(s.Acknowledged && s.Failures.Count == 0, $"{s.SubmissionId}: {string.Join(" | ", s.Failures)}"));
        // A clean leave: the node marked itself dead in the membership table.
        Assert.Contains(show.HostSilo, await show.DeadSilos());

        await show.AssertEverySheetCounted(contestants: 3);
        await show.AssertFinalLivesOnSurvivor();
    }
}
