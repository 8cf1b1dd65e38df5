using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class RecusalTests
{
    private static FinalDefinition ThreeJudgesOneRecused() =>
        new FinalBuilder().WithJudge("j1").WithJudge("j2", recusals: "c1").WithJudge("j3").WithContestants(2).WithRound("r").BuildValid();

    [Fact]
    public void a_recused_judge_s_sheet_is_ignored_for_that_contestant()
    {
        var round = Compute(ThreeJudgesOneRecused(), Sheets("c1", "r", 80m, 100m, 90m)).Row("c1").Round("r");

        Assert.Equal(85m, round.Score);
        Assert.Equal(["j1", "j3"], round.Sheets.Select(s => s.Judge));
    }

    [Fact]
    public void a_round_is_complete_without_the_recused_judge()
    {
        var row = Compute(ThreeJudgesOneRecused(), [Sheet("j1", "c1", "r", 80m), Sheet("j3", "c1", "r", 90m)]).Row("c1");

        Assert.True(row.Round("r").Complete);
        Assert.True(row.Complete);
    }

    [Fact]
    public void the_recused_judge_still_scores_other_contestants()
    {
        var round = Compute(ThreeJudgesOneRecused(), Sheets("c2", "r", 80m, 100m, 90m)).Row("c2").Round("r");

        Assert.Equal(90m, round.Score);
        Assert.Equal(3, round.Sheets.Count);
    }

    [Fact]
    public void sheets_of_judges_not_assigned_to_the_round_or_unknown_do_not_count()
    {
        var d = new FinalBuilder().WithJudges(3).WithContestants(1).WithRound("r", judgeIds: ["j1", "j2"]).BuildValid();

        var round = Compute(d, [.. Sheets("c1", "r", 80m, 90m, 10m), Sheet("j99", "c1", "r", 0m), Sheet("j1", "c9", "r", 0m), Sheet("j1", "c1", "x", 0m)])
            .Row("c1").Round("r");

        Assert.Equal(85m, round.Score);
        Assert.True(round.Complete);
    }
}
