using System.Collections.Concurrent;
using System.Net;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>
/// A final run across two nodes. Created through node A; the node its grain then lives on is the host, the other the
/// survivor. Every judge signs in through the host and scores through the survivor, so each sheet also proves that a
/// token issued by one node is good on the other.
/// </summary>
public sealed class Show : IAsyncDisposable
{
    public const int Judges = 7;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, ArenaClient> _judges = [];
    private readonly ConcurrentDictionary<string, Submission> _acknowledged = [];

    private Show(string finalId, SiloProcess host, string hostSilo, SiloProcess survivor, string survivorSilo, ArenaClient admin) =>
        (FinalId, Host, HostSilo, Survivor, SurvivorSilo, Admin) = (finalId, host, hostSilo, survivor, survivorSilo, admin);

    public string FinalId { get; }
    public SiloProcess Host { get; }
    public string HostSilo { get; }
    public SiloProcess Survivor { get; }
    public string SurvivorSilo { get; }

    /// <summary>The admin on the survivor, with a token the host issued.</summary>
    public ArenaClient Admin { get; }

    public static async Task<Show> Start(TwoNodes nodes, int contestants)
    {
        using var adminA = await ArenaClient.Admin(nodes.A.BaseAddress, nodes.A.AdminKey);
        var builder = new FinalBuilder(judges: Judges, contestants: contestants);
        var created = await adminA.Post("api/finals", builder.ToString());
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());

        var placed = (await adminA.Get($"api/cluster/finals/{builder.Id}")).Json!["silo"]?.GetValue<string>();
        var nodeA = (await TwoNodes.View(adminA))["node"]!.GetValue<string>();
        Assert.NotNull(placed);
        var (host, survivor) = placed == nodeA ? (nodes.A, nodes.B) : (nodes.B, nodes.A);

        using var hostAdmin = await ArenaClient.Admin(host.BaseAddress, host.AdminKey);
        var admin = new ArenaClient(survivor.BaseAddress, hostAdmin.Token);
        var survivorSilo = (await TwoNodes.View(admin))["node"]!.GetValue<string>();
        var show = new Show(builder.Id, host, placed, survivor, survivorSilo, admin);
        for (var j = 1; j <= Judges; j++)
        {
            using var onHost = await hostAdmin.SignIn(builder.Id, "judge", $"j{j}");
            show._judges[$"j{j}"] = new ArenaClient(survivor.BaseAddress, onHost.Token, timeout: TimeSpan.FromSeconds(10));
        }
        return show;
    }

    /// <summary>Every judge scores these contestants at once; each sheet must be acknowledged at the first attempt.</summary>
    public async Task ScoreEveryone(IEnumerable<string> contestants)
    {
        var sheets = await Task.WhenAll(from c in contestants from j in _judges.Keys select Score(j, c));
        Assert.All(sheets, s => Assert.True(s.Acknowledged && s.Failures.Count == 0, $"{s.SubmissionId}: {s.Reply} {string.Join(" | ", s.Failures)}"));
    }

    /// <summary>Every judge scores these contestants in turn, each on their own tablet, retrying what fails.</summary>
    public async Task<IReadOnlyList<Submission>> ScoreInTurn(IReadOnlyList<string> contestants, TimeSpan pause)
    {
        var judges = _judges.Keys.Select(async judge =>
        {
            var mine = new List<Submission>();
            foreach (var contestant in contestants)
            {
                mine.Add(await Score(judge, contestant));
                await Task.Delay(pause);
            }
            return mine;
        });
        return [.. (await Task.WhenAll(judges)).SelectMany(s => s)];
    }

    /// <summary>Waits until this many sheets have been acknowledged in all.</summary>
    public async Task UntilAcknowledged(int count)
    {
        while (_acknowledged.Count < count) await Task.Delay(2);
    }

    private async Task<Submission> Score(string judge, string contestant)
    {
        var submission = await new Tablet(_judges[judge], FinalId).Submit($"{judge}-{contestant}", contestant, ScoreOf(judge, contestant), Patience);
        if (submission.Acknowledged) _acknowledged[submission.SubmissionId] = submission;
        return submission;
    }

    private static decimal ScoreOf(string judge, string contestant) =>
        60m + int.Parse(judge[1..]) * 7 % 60 / 2m + int.Parse(contestant[1..]);

    /// <summary>Every acknowledged sheet is in the journal exactly once and counts in the standings; verify is ok.</summary>
    public async Task AssertEverySheetCounted(int contestants)
    {
        var journal = (await Admin.Get($"api/finals/{FinalId}/journal")).Json!.AsArray();
        var submitted = journal.Where(e => e!["type"]!.GetValue<string>() == "SheetSubmitted")
            .Select(e => e!["data"]!["submissionId"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(_acknowledged.Keys.Order(), submitted);
        Assert.Equal(Judges * contestants, submitted.Count);

        var rows = (await Admin.Get($"api/finals/{FinalId}/standings")).Json!["rows"]!.AsArray();
        Assert.Equal(contestants, rows.Count);
        foreach (var row in rows)
        {
            var contestant = row!["contestant"]!.GetValue<string>();
            Assert.True(row["complete"]!.GetValue<bool>(), $"{contestant} is not complete");
            // trimmed mean of seven: drop one high, one low, mean of five, rounded half-up to 2 places
            var mine = _acknowledged.Values.Where(s => s.Contestant == contestant).Select(s => s.Score).Order().ToList();
            Assert.Equal(Math.Round(mine.Skip(1).Take(5).Sum() / 5, 2, MidpointRounding.AwayFromZero), row["total"]!.GetValue<decimal>());
        }
        var verify = await Admin.Get($"api/finals/{FinalId}/verify");
        Assert.True(verify.Json!["ok"]!.GetValue<bool>(), verify.ToString());
    }

    public async Task AssertFinalLivesOnSurvivor()
    {
        var placed = await Admin.Get($"api/cluster/finals/{FinalId}");
        Assert.Equal(SurvivorSilo, placed.Json!["silo"]?.GetValue<string>());
    }

    /// <summary>The silos the survivor sees as dead (waiting up to 10 s for the membership table to say so).</summary>
    public async Task<IReadOnlyList<string>> DeadSilos()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var dead = (await TwoNodes.View(Admin))["members"]!.AsArray()
                .Where(m => m!["status"]!.GetValue<string>() == "Dead").Select(m => m!["silo"]!.GetValue<string>()).ToList();
            if (dead.Count > 0 || DateTime.UtcNow > deadline) return dead;
            await Task.Delay(200);
        }
    }

    public ValueTask DisposeAsync()
    {
        Admin.Dispose();
        foreach (var judge in _judges.Values) judge.Dispose();
        return ValueTask.CompletedTask;
    }
}
