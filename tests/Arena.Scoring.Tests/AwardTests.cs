using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class AwardTests
{
    private static FinalDefinition SixContestants() => new FinalBuilder().WithJudges(1).WithContestants(6).WithRound("r")
        .WithAward("gold", 1).WithAward("silver", 2).WithAward("bronze", 1).BuildValid();

    private static (string, int, string?)[] Awards(StandingsResult result) => [.. result.Rows.Select(r => (r.Contestant, r.Rank, r.Award))];

    private static IEnumerable<Sheet> Totals(params decimal[] totals) => totals.Select((t, i) => Sheet("j1", $"c{i + 1}", "r", t));

    [Fact]
    public void awards_go_down_the_ranking_tier_by_tier()
    {
        var result = Compute(SixContestants(), Totals(95m, 90m, 89m, 85m, 80m, 70m));

        Assert.Equal([("c1", 1, "gold"), ("c2", 2, "silver"), ("c3", 3, "silver"), ("c4", 4, "bronze"), ("c5", 5, null), ("c6", 6, null)], Awards(result));
    }

    [Fact]
    public void contestants_tied_across_a_tier_boundary_share_the_better_tier()
    {
        // Ranks 1, 2, 2, 4, 4, 6: both at rank 4 get the single bronze place.
        var result = Compute(SixContestants(), Totals(95m, 90m, 90m, 85m, 85m, 80m));

        Assert.Equal([("c1", 1, "gold"), ("c2", 2, "silver"), ("c3", 2, "silver"), ("c4", 4, "bronze"), ("c5", 4, "bronze"), ("c6", 6, null)], Awards(result));
    }

    [Fact]
    public void a_tie_for_first_gives_both_the_first_tier_and_pushes_the_next_down()
    {
        var result = Compute(SixContestants(), Totals(95m, 95m, 90m, 85m, 80m, 70m));

        Assert.Equal([("c1", 1, "gold"), ("c2", 1, "gold"), ("c3", 3, "silver"), ("c4", 4, "bronze"), ("c5", 5, null), ("c6", 6, null)], Awards(result));
    }

    [Fact]
    public void a_contestant_without_any_sheet_gets_no_award()
    {
        var d = new FinalBuilder().WithJudges(1).WithContestants(3).WithRound("r").WithAward("finalist", 3).BuildValid();

        var result = Compute(d, Totals(90m, 80m));

        Assert.Equal([("c1", 1, "finalist"), ("c2", 2, "finalist"), ("c3", 0, null)], Awards(result)); // c3: no rank, no award
    }
}
