using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class AdjustmentTests
{
    private static readonly FinalDefinition TwoRounds = new FinalBuilder().WithJudges(1).WithContestants(2)
        .WithRound("speech", weight: 0.6m).WithRound("qa", weight: 0.4m).BuildValid();

    private static readonly Sheet[] Sheets90And80 = [Sheet("j1", "c1", "speech", 90m), Sheet("j1", "c1", "qa", 80m)];

    [Fact]
    public void a_round_penalty_changes_that_round_before_weighting()
    {
        var row = ScoringEngine.Compute(TwoRounds, Input(Sheets90And80, [new Adjustment("c1", "speech", -2m, "overtime")])).Row("c1");

        Assert.Equal(88m, row.Rounds["speech"]);
        Assert.Equal(-2m, row.Round("speech").Adjustment);
        Assert.Equal(90m, row.Round("speech").Exact);
        Assert.Equal(84.8m, row.Total); // 0.6 × 88 + 0.4 × 80
    }

    [Fact]
    public void a_total_adjustment_is_added_after_weighting()
    {
        var adjustments = new[] { new Adjustment("c1", "speech", -2m, "overtime"), new Adjustment("c1", null, 1.5m, "bonus"), new Adjustment("c1", null, -0.25m, "late") };

        var row = ScoringEngine.Compute(TwoRounds, Input(Sheets90And80, adjustments)).Row("c1");

        Assert.Equal(86.05m, row.Total); // 84.8 + 1.5 - 0.25
        Assert.Equal(88m, row.Rounds["speech"]);
        Assert.Equal(80m, row.Rounds["qa"]);
    }

    [Fact]
    public void a_round_adjustment_is_added_to_the_exact_aggregate_before_rounding()
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(1).WithRound("r").BuildValid();

        // The adjustment goes in before rounding: 80.005 − 0.001 = 80.004 shows as 80.00, not 80.01.
        var row = ScoringEngine.Compute(d, Input(Sheets("c1", "r", 80m, 80.01m), [new Adjustment("c1", "r", -0.001m, "x")])).Row("c1");

        Assert.Equal(80.00m, row.Rounds["r"]);
    }

    [Fact]
    public void a_round_without_a_score_stays_without_one_despite_an_adjustment()
    {
        var row = ScoringEngine.Compute(TwoRounds, Input([Sheet("j1", "c1", "speech", 90m)], [new Adjustment("c1", "qa", -5m, "no-show")])).Row("c1");

        Assert.Null(row.Rounds["qa"]);
        Assert.Null(row.Round("qa").Exact);
        Assert.Equal(-5m, row.Round("qa").Adjustment);
        Assert.Equal(54m, row.Total); // 0.6 × 90; the missing round contributes nothing
    }

    [Fact]
    public void adjustments_of_other_contestants_do_not_touch_this_one()
    {
        var row = ScoringEngine.Compute(TwoRounds, Input(Sheets90And80, [new Adjustment("c2", null, -10m, "x")])).Row("c1");

        Assert.Equal(86m, row.Total);
    }
}
