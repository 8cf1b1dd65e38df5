using Arena.LoadTest;
using Arena.Testing;

namespace Arena.LoadTest.Tests;

/// <summary>The load generator's own correctness against a real silo: short and small, about what it counts, not how fast.</summary>
public sealed class LoadGeneratorTests(ITestOutputHelper output)
{
    /// <summary>
    /// <c>--nodes 2 --kill-node-after</c> on the throwaway PostgreSQL of ./test.sh: the node hosting the most final
    /// grains is killed under load; tablets and screens on it reconnect to the other node, judges resubmit with the
    /// same submissionIds, and nothing acknowledged is lost. (Observer renewal at 2 s so that screens on the surviving
    /// node come back within the test's time; the default is 10 s.)
    /// </summary>
    [Fact]
    public async Task two_nodes_one_killed_under_load_lose_no_acknowledged_sheet_and_every_screen_comes_back()
    {
        var o = Options.Parse(["--nodes", "2", "--postgres", TestPostgres.ConnectionString, "--silo-dll", SiloDll(),
            "--finals", "4", "--judges", "5", "--screens", "2", "--duration", "9s", "--warmup", "1s", "--stage-every", "1s", "--submit-within", "500ms",
            "--kill-node-after", "2s", "--server-setting", "Arena:ObserverRenewalSeconds=2", "--quiet"]);
        var log = new StringWriter();

        var report = await Runner.Run(o, log);
        ConsoleReport.Write(report, log);
        output.WriteLine(log.ToString());

        var failover = report.Failover!;
        Assert.Equal(0, report.Lost);
        Assert.True(failover.FinalsOnKilledNode > 0, "the killed node hosted no final grain");
        Assert.True(failover.ScreensOnKilledNode > 0 && failover.JudgesOnKilledNode > 0);
        Assert.Equal(0, failover.ScreensNeverLiveAgain);
        Assert.NotNull(failover.ScreensLiveAgainMs);
        Assert.Equal(0, failover.MovedFinalsNeverAcked);
        Assert.True(failover.After.Acked > 0, "no sheet due after the kill was acknowledged");
        // Every sheet was answered in the end (retried through the failover), none refused, none given up.
        Assert.Equal(report.Sent, report.Acked);
        Assert.DoesNotContain(report.Errors.Keys, k => k is "unanswered" or "gave-up" or "screen-missed" || k.StartsWith("hub:") || k.StartsWith("stage:"));
        Assert.True(failover.Reconnects >= failover.JudgesOnKilledNode + failover.ScreensOnKilledNode);
    }

    /// <summary>The silo built beside the tests, in their configuration (tests/…/bin/&lt;Config&gt;/net10.0/).</summary>
    private static string SiloDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory);
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "silo", "bin", bin.Parent.Name, "net10.0", "Arena.Silo.dll");
    }

    [Fact]
    public async Task a_short_venue_run_loses_no_acknowledged_sheet_and_every_ack_reaches_every_screen()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var o = Options.Parse(["--url", silo.BaseAddress.ToString(), "--admin-key", silo.AdminKey, "--finals", "3", "--judges", "5",
            "--screens", "2", "--duration", "3s", "--warmup", "0s", "--stage-every", "1s", "--submit-within", "500ms", "--quiet"]);

        var report = await LoadRun.Play(o, "arena", silo.BaseAddress, silo.AdminKey, serverPid: null, checkJournal: true, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Empty(report.Errors);
        Assert.True(report.AckedInWindow >= 3 * 5 * 2, $"only {report.AckedInWindow} sheets acknowledged in 3 s");
        Assert.Equal(report.Sent, report.Acked);
        Assert.Equal(new Durability(Restarted: false, Missing: 0, Duplicates: 0), report.Durability);
        Assert.Equal(report.AckedInWindow * 2, report.ScreenSamplesExpected);
        Assert.Equal(report.ScreenSamplesExpected, report.ScreenSamples);
        Assert.Equal(report.AckedInWindow, report.AckLatencyMs.Count);
        Assert.Equal(15, report.ConnectedJudges);
        Assert.Equal(6, report.ConnectedScreens);
    }

    /// <summary>A server the run starts itself is SIGKILLed after the run and started again on its data folder; the journals are read from that.</summary>
    [Fact]
    public async Task every_acknowledged_sheet_is_read_back_exactly_once_after_a_sigkill_and_a_restart()
    {
        var o = Options.Parse(["--silo-dll", SiloDll(), "--finals", "3", "--judges", "5", "--contestants", "2", "--screens", "1",
            "--duration", "2500ms", "--warmup", "0s", "--stage-every", "500ms", "--submit-within", "300ms", "--quiet"]);
        var log = new StringWriter();

        var report = await Runner.Run(o, log);
        ConsoleReport.Write(report, log);
        output.WriteLine(log.ToString());

        Assert.Equal(new Durability(Restarted: true, Missing: 0, Duplicates: 0), report.Durability);
        Assert.Empty(report.Errors);
        Assert.Equal(report.Sent, report.Acked);
        // Two contestants at 0.5 s a call: the final calls them again for its next round rather than growing.
        Assert.Equal(2, report.Contestants);
        Assert.True(report.Acked > 3 * 5 * 2, $"only {report.Acked} sheets acknowledged: the final did not go on to its next round");
        Assert.Equal(0, report.FinalsExhausted);
        Assert.Contains("durability", log.ToString());
    }

    [Fact]
    public async Task sheets_submitted_over_http_are_counted_the_same_way()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var o = Options.Parse(["--url", silo.BaseAddress.ToString(), "--admin-key", silo.AdminKey, "--finals", "2", "--judges", "3",
            "--screens", "1", "--duration", "2s", "--warmup", "0s", "--rate", "30", "--http", "--quiet"]);

        var report = await LoadRun.Play(o, "arena", silo.BaseAddress, silo.AdminKey, serverPid: null, checkJournal: true, TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.Empty(report.Errors);
        Assert.InRange(report.AckedInWindow, 50, 62);
        Assert.Equal(0, report.Lost);
        Assert.Equal(report.AckedInWindow, report.ScreenSamples);
    }

    [Fact]
    public async Task every_mode_switch_reaches_every_anonymous_viewer_of_the_public_feed()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var o = Options.Parse(["--url", silo.BaseAddress.ToString(), "--admin-key", silo.AdminKey, "--viewers", "20",
            "--duration", "2s", "--warmup", "0s", "--rate", "5", "--quiet"]);

        var report = await Runner.Run(o, TextWriter.Null);

        Assert.Empty(report.Errors);
        Assert.Equal(20, report.ConnectedScreens);
        Assert.InRange(report.AckedInWindow, 9, 11);
        Assert.Equal(report.AckedInWindow * 20, report.ScreenSamplesExpected);
        Assert.Equal(report.ScreenSamplesExpected, report.ScreenSamples);
        Assert.Equal(report.AckedInWindow, report.LastScreenLatencyMs!.Count);
    }

    [Theory]
    [InlineData("""{"id":"57","type":"screen","op":"update","seq":57,"data":{"version":57}}""", 57)]
    [InlineData("""{"id":"1","type":"screen","op":"update","seq":1234567,"data":{}}""", 1234567)]
    [InlineData("""{"type":"screen"}""", -1)]
    public void a_public_feed_line_is_read_for_its_sequence_number_only(string line, long seq) =>
        Assert.Equal(seq, PublicViewersRun.SeqOf(line));

    [Theory]
    [InlineData("""{"type":3,"invocationId":"17","result":{"accepted":true,"total":88.5,"version":42}}""", HubFrames.Kind.Completion, 17, 42, null)]
    [InlineData("""{"type":3,"invocationId":"5","error":"An unexpected error occurred invoking 'Submit' on the server. HubException: 409: not on stage"}""", HubFrames.Kind.Completion, 5, -1, "409")]
    [InlineData("""{"type":1,"target":"update","arguments":[{"version":9,"kind":"submitted","kinds":["submitted"],"state":{"version":9,"standings":{"version":9,"rows":[]}}}]}""", HubFrames.Kind.Update, -1, 9, null)]
    [InlineData("""{"type":1,"target":"stage","arguments":[{"contestant":"c2","round":"speech"}]}""", HubFrames.Kind.Other, -1, -1, null)]
    [InlineData("""{"type":6}""", HubFrames.Kind.Ping, -1, -1, null)]
    public void hub_records_are_read_for_their_id_and_version_only(string json, HubFrames.Kind kind, long id, long version, string? status)
    {
        var frame = HubFrames.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(kind, frame.Kind);
        Assert.Equal(id, frame.InvocationId);
        Assert.Equal(version, frame.Version);
        Assert.Equal(status, frame.Error is null ? null : Player.StatusOf(frame.Error));
    }
}
