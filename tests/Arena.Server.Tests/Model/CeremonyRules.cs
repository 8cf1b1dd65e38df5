using Arena.Finals;
using Arena.Testing;
using System.Text.Json.Nodes;
using static Arena.Server.Tests.Model.ModelRun;

namespace Arena.Server.Tests.Model;

/// <summary>The ceremony: award tiers from the lowest, and the ranking held on the screens.</summary>
public sealed class CeremonyRules
{
    private static ModelRun ThreeTiers() => new(new FinalBuilder(judges: 3, contestants: 4).Mean().With(f => f["awards"] = new JsonArray(
        new JsonObject { ["title"] = "一等奖", ["count"] = 1 }, new JsonObject { ["title"] = "二等奖", ["count"] = 1 },
        new JsonObject { ["title"] = "三等奖", ["count"] = 1 })));

    private static void ScoreTheOthers(ModelRun run)
    {
        for (var c = 2; c <= 4; c++) run.ScoreAll($"c{c}", 60m + c * 5, 3);
    }

    [Fact]
    public void tiers_are_revealed_from_the_lowest_and_the_screen_goes_to_the_podium()
    {
        var run = ThreeTiers();
        run.ScoreAll("c1", 70m, 3);
        Assert.Equal(409, run.Refused(new RevealAwardTier(), Operator)); // results still provisional
        ScoreTheOthers(run);

        run.Do(new RevealAwardTier(), Operator);
        Assert.Equal(["三等奖"], run.Model.CeremonyState().RevealedTiers);
        Assert.Equal("二等奖", run.Model.CeremonyState().NextTier);
        Assert.Equal(ScreenModes.Podium, run.Model.Mode);
        run.Do(new RevealAwardTier(), Chief);
        run.Do(new RevealAwardTier(), ModelRun.Admin);
        Assert.Equal(["三等奖", "二等奖", "一等奖"], run.Model.CeremonyState().RevealedTiers);
        Assert.Equal(409, run.Refused(new RevealAwardTier(), Operator));
        Assert.Equal(403, run.Refused(new RevealAwardTier(), Judge("j2")));
        Assert.Equal(["三等奖", "二等奖", "一等奖"], run.Replayed().CeremonyState().RevealedTiers);
    }

    [Fact]
    public void a_held_ranking_does_not_move_while_sheets_arrive_until_it_is_released()
    {
        var run = ThreeTiers();
        run.ScoreAll("c1", 70m, 3);
        run.Do(new HoldRanking(), Operator);
        var held = run.Model.Screen().Standings;
        var heldAt = run.Model.Seq - 1;

        run.ScoreAll("c2", 90m, 3); // stored and counted, not shown
        Assert.Equal(90m, run.Standings.Rows[0].Total);
        Assert.Equal(Json(held), Json(run.Model.Screen().Standings));
        Assert.Equal((true, (long?)heldAt), (run.Model.Screen().Ceremony!.Held, run.Model.Screen().Ceremony!.HeldAt));
        Assert.Equal(Json(held), Json(run.Replayed().Screen().Standings));
        Assert.Equal(409, run.Refused(new HoldRanking(), Operator));

        run.Do(new ReleaseRanking(), Operator);
        Assert.Equal("c2", run.Model.Screen().Standings.Rows[0].Contestant);
        Assert.Equal(409, run.Refused(new ReleaseRanking(), Operator));
    }
}
