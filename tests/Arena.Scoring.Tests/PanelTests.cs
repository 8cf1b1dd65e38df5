using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class PanelTests
{
    private static FinalDefinition ExpertsAndPublic(decimal experts = 0.8m, decimal @public = 0.2m, int expertJudges = 3, int publicJudges = 2) =>
        new FinalBuilder().WithJudges(expertJudges, "experts").WithJudges(publicJudges, "public").WithContestants(1)
            .WithRound("qa").WithPanels(("experts", experts), ("public", @public)).BuildValid();

    [Fact]
    public void panels_are_averaged_on_their_own_then_weighted_80_20()
    {
        var d = ExpertsAndPublic();

        var round = Compute(d, Sheets("c1", "qa", 90m, 85m, 80m, 70m, 75m)).Row("c1").Round("qa");

        // experts (90 + 85 + 80) / 3 = 85, public (70 + 75) / 2 = 72.5; 0.8 × 85 + 0.2 × 72.5 = 68 + 14.5
        Assert.Equal([new PanelOutcome("experts", 0.8m, 85m), new PanelOutcome("public", 0.2m, 72.5m)], round.Panels);
        Assert.Equal(82.5m, round.Exact);
        Assert.Equal(82.5m, round.Score);
        Assert.Equal(["experts", "experts", "experts", "public", "public"], round.Sheets.Select(s => s.Panel));
    }

    [Fact]
    public void panel_weights_are_used_as_given_not_normalised()
    {
        var d = ExpertsAndPublic(experts: 70m, @public: 30m);

        var round = Compute(d, Sheets("c1", "qa", 1m, 1m, 1m, 2m, 2m)).Row("c1").Round("qa");

        Assert.Equal(130m, round.Score); // 70 × 1 + 30 × 2
    }

    [Fact]
    public void a_round_has_no_score_while_one_of_its_panels_has_none()
    {
        var d = ExpertsAndPublic();

        var round = Compute(d, Sheets("c1", "qa", 90m, 85m, 80m)).Row("c1").Round("qa");

        Assert.Null(round.Score);
        Assert.Equal(85m, round.Panels[0].Exact);
        Assert.Null(round.Panels[1].Exact);
        Assert.False(round.Complete);
    }

    [Fact]
    public void a_panel_mean_that_repeats_is_weighted_exactly_before_rounding()
    {
        var d = ExpertsAndPublic(experts: 0.3m, @public: 0.7m, publicJudges: 1);

        // experts 238.15 / 3 = 79.38333…, and 0.3 × that is exactly 23.815; + 0.7 × 10 = 30.815 → 30.82 half-up.
        // Weighting the 28-digit quotient instead gives 30.814999… → 30.81.
        var round = Compute(d, Sheets("c1", "qa", 79.38m, 79.38m, 79.39m, 10m)).Row("c1").Round("qa");

        Assert.Equal(30.82m, round.Score);
    }

    [Fact]
    public void a_trimmed_mean_trims_each_panel_on_its_own()
    {
        var d = new FinalBuilder().WithJudges(3, "experts").WithJudges(3, "public").WithContestants(1)
            .WithRound("qa", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1)
            .WithPanels(("experts", 0.5m), ("public", 0.5m)).BuildValid();

        var round = Compute(d, Sheets("c1", "qa", 10m, 50m, 90m, 20m, 30m, 40m)).Row("c1").Round("qa");

        Assert.Equal(40m, round.Score); // 0.5 × 50 + 0.5 × 30
        Assert.Equal(["j1", "j3", "j4", "j6"], round.Dropped());
    }
}
