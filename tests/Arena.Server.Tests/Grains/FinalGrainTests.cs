using Arena.Contestants;
using Arena.Finals;
using Arena.Scoring;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Grains;

[Collection(nameof(ClusterCollection))]
public sealed class FinalGrainTests(ClusterFixture cluster)
{
    private static readonly Caller Admin = new("admin", "admin");
    private static Caller Judge(string id) => new("judge", id);

    private async Task<IFinalGrain> NewFinal(FinalBuilder builder)
    {
        var (definition, problems) = DefinitionJson.Parse(builder.ToString());
        Assert.Empty(problems);
        var final = cluster.Grains.GetGrain<IFinalGrain>(builder.Id);
        await final.Create(definition!, Admin);
        return final;
    }

    private static SubmitSheet Sheet(string contestant, decimal score) => new(Guid.NewGuid().ToString(), contestant, "main", null, score);

    [Fact]
    public async Task a_sheet_is_kept_by_the_contestant_grain_and_the_standings_follow()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        var final = await NewFinal(builder);
        var ack = await final.Submit(Sheet("c2", 88.5m), Judge("j2"));
        Assert.True(ack.Accepted);
        Assert.Equal(88.5m, ack.Total);

        var stream = await cluster.Grains.GetGrain<IContestantGrain>(ContestantKey.Of(builder.Id, "c2")).Entries();
        Assert.Equal(("SheetSubmitted", "judge:j2"), (Assert.Single(stream).Type, stream[0].Actor));
        var standings = await final.Standings(null, Admin);
        Assert.Equal(88.5m, standings.Rows.Single(r => r.Contestant == "c2").Total);
        Assert.True(standings.Version >= ack.Version);
    }

    [Fact]
    public async Task the_final_rebuilds_its_standings_from_the_contestants_after_deactivation()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        var final = await NewFinal(builder);
        await final.Submit(Sheet("c1", 70), Judge("j1"));
        await final.Submit(Sheet("c1", 80), Judge("j2"));
        await final.SetMode(ScreenModes.Ranking, Admin);
        await final.Timer("start", 90, Admin);
        var before = await final.Standings(null, Admin);
        var screenBefore = await final.Screen();

        await cluster.Cluster.DeactivateAsync(final);
        var again = cluster.Grains.GetGrain<IFinalGrain>(builder.Id);
        var after = await again.Standings(null, Admin);
        Assert.Equal(before.Rows.Select(r => (r.Contestant, r.Total, r.Rank)), after.Rows.Select(r => (r.Contestant, r.Total, r.Rank)));
        Assert.Equal(before.Version, after.Version); // the version is the journal's sequence number, not a clock
        // The screen's mode and timer are events too: a final that moved or restarted shows the same.
        var screenAfter = await again.Screen();
        Assert.Equal((ScreenModes.Ranking, 90, true, screenBefore.Timer.StartedAt), (screenAfter.Mode, screenAfter.Timer.Seconds, screenAfter.Timer.Running, screenAfter.Timer.StartedAt));
        Assert.Equal(screenBefore.Version, screenAfter.Version);
        Assert.True((await again.Call(new Stage("c2", "main"), Admin)) > after.Version, "versions keep rising across activations");
    }

    [Fact]
    public async Task a_retried_sheet_is_stored_once_and_a_second_sheet_of_the_same_judge_is_refused()
    {
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        var final = await NewFinal(builder);
        var sheet = Sheet("c1", 80);
        var first = await final.Submit(sheet, Judge("j1"));
        var again = await final.Submit(sheet, Judge("j1"));
        Assert.Equal(first, again);
        var conflict = await Assert.ThrowsAsync<ArenaProblem>(() => final.Submit(Sheet("c1", 85), Judge("j1")));
        Assert.Equal(409, conflict.Status);
        Assert.Single(await cluster.Grains.GetGrain<IContestantGrain>(ContestantKey.Of(builder.Id, "c1")).Entries());
    }

    [Fact]
    public async Task a_recused_judge_is_refused_with_403_and_nothing_is_stored()
    {
        var builder = new FinalBuilder(judges: 4, contestants: 2).Recuse("j4", "c1");
        var final = await NewFinal(builder);
        var refused = await Assert.ThrowsAsync<ArenaProblem>(() => final.Submit(Sheet("c1", 80), Judge("j4")));
        Assert.Equal(403, refused.Status);
        Assert.Single(await final.Journal(Admin)); // FinalCreated only
    }

    [Fact]
    public async Task every_stream_of_the_final_verifies()
    {
        var final = await NewFinal(new FinalBuilder(judges: 3, contestants: 2).Mean());
        await final.Submit(Sheet("c1", 70), Judge("j1"));
        await final.Submit(Sheet("c2", 75), Judge("j3"));
        var report = await final.Verify(Admin);
        Assert.True(report.Ok, string.Join("; ", report.Problems));
        Assert.Equal(3, report.Events);
        Assert.Matches("^[0-9a-f]{64}$", report.Digest);
    }
}
