using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class RankingTests
{
    private static (string Contestant, int Rank)[] Ranks(StandingsResult result) => [.. result.Rows.Select(r => (r.Contestant, r.Rank))];

    [Fact]
    public void a_tie_shares_a_rank_and_the_next_rank_is_skipped()
    {
        var d = new FinalBuilder().WithJudges(1).WithContestants(4).WithRound("r").BuildValid();

        var result = Compute(d, [Sheet("j1", "c1", "r", 80m), Sheet("j1", "c2", "r", 85m), Sheet("j1", "c3", "r", 85m), Sheet("j1", "c4", "r", 90m)]);

        Assert.Equal([("c4", 1), ("c2", 2), ("c3", 2), ("c1", 4)], Ranks(result));
    }

    [Fact]
    public void rows_of_equal_rank_follow_the_contestants_order()
    {
        var d = new FinalBuilder().WithJudges(1).WithContestants(3).WithRound("r").BuildValid();
        d = d with { Contestants = [d.Contestants[0] with { Order = 3 }, d.Contestants[1] with { Order = 2 }, d.Contestants[2] with { Order = 1 }] };

        var result = Compute(d, [Sheet("j1", "c1", "r", 80m), Sheet("j1", "c2", "r", 80m), Sheet("j1", "c3", "r", 80m)]);

        Assert.Equal([("c3", 1), ("c2", 1), ("c1", 1)], Ranks(result));
    }

    // Weights 0.3/0.7, whole points: c1 = 0.3 × 91 + 0.7 × 80 = 83.3 → 83, c2 = 0.3 × 90 + 0.7 × 80 = 83.
    private static readonly Sheet[] TiedOnTheRoundedTotal =
        [Sheet("j1", "c1", "speech", 91m), Sheet("j1", "c1", "qa", 80m), Sheet("j1", "c2", "speech", 90m), Sheet("j1", "c2", "qa", 80m)];

    private static FinalDefinition TwoRounds(params string[] tieBreakers) => new FinalBuilder().WithJudges(1).WithContestants(2)
        .WithRound("speech", weight: 0.3m).WithRound("qa", weight: 0.7m).WithRounding(0, RoundingModes.HalfUp)
        .WithTieBreakers(tieBreakers).BuildValid();

    [Fact]
    public void the_tie_is_on_the_rounded_total_not_the_exact_one()
    {
        var result = Compute(TwoRounds(), TiedOnTheRoundedTotal);

        Assert.Equal([83m, 83m], result.Rows.Select(r => r.Total));
        Assert.Equal([("c1", 1), ("c2", 1)], Ranks(result));
    }

    [Fact]
    public void a_tie_on_the_rounded_total_is_broken_by_the_named_round()
    {
        var result = Compute(TwoRounds("round:speech"), TiedOnTheRoundedTotal);

        Assert.Equal([("c1", 1), ("c2", 2)], Ranks(result));
    }

    [Fact]
    public void tie_breakers_apply_in_order_until_one_decides()
    {
        var result = Compute(TwoRounds("round:qa", "round:speech"), TiedOnTheRoundedTotal);

        Assert.Equal([("c1", 1), ("c2", 2)], Ranks(result));
    }

    [Fact]
    public void a_round_without_a_score_loses_a_round_tie_break()
    {
        var d = new FinalBuilder().WithJudges(1).WithContestants(2).WithRound("a").WithRound("b")
            .WithTieBreakers("round:b").BuildValid();

        // Both totals are 50: c1 scored 0 in b, c2 has no score in b at all, which ranks below any number.
        var result = ScoringEngine.Compute(d, Input(
            [Sheet("j1", "c1", "a", 50m), Sheet("j1", "c1", "b", 0m), Sheet("j1", "c2", "a", 50m)]));

        Assert.Equal([("c1", 1), ("c2", 2)], Ranks(result));
    }

    [Fact]
    public void a_tie_is_broken_by_the_untrimmed_total()
    {
        var d = new FinalBuilder().WithJudges(3).WithContestants(3)
            .WithRound("r", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1)
            .WithTieBreakers("untrimmed").BuildValid();

        // All trim to 85; untrimmed means are 85 (c1), 83.33 (c2) and 90 (c3).
        var result = Compute(d, [.. Sheets("c1", "r", 80m, 85m, 90m), .. Sheets("c2", "r", 70m, 85m, 95m), .. Sheets("c3", "r", 85m, 85m, 100m)]);

        Assert.All(result.Rows, r => Assert.Equal(85m, r.Total));
        Assert.Equal([("c3", 1), ("c1", 2), ("c2", 3)], Ranks(result));
    }

    [Fact]
    public void the_untrimmed_total_is_rounded_so_a_difference_below_the_last_digit_stays_a_tie()
    {
        var d = new FinalBuilder().WithJudges(3).WithContestants(2)
            .WithRound("r", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1)
            .WithTieBreakers("untrimmed").WithRounding(0, RoundingModes.HalfUp).BuildValid();

        // Untrimmed 85 and 85.33 both round to 85.
        var result = Compute(d, [.. Sheets("c1", "r", 80m, 85m, 90m), .. Sheets("c2", "r", 80m, 85m, 91m)]);

        Assert.Equal([("c1", 1), ("c2", 1)], Ranks(result));
    }

    [Fact]
    public void contestants_without_a_complete_round_have_no_rank_and_come_after_the_ranked_in_running_order()
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(3).WithRound("r").BuildValid();

        // c2 is complete (both judges); c3 has one sheet of two (a partial total of 60); c1 has none (0.00).
        var result = Compute(d, [Sheet("j1", "c2", "r", 70m), Sheet("j2", "c2", "r", 70m), Sheet("j1", "c3", "r", 60m)]);

        Assert.Equal([("c2", 1), ("c1", 0), ("c3", 0)], Ranks(result)); // not "c3 2nd, c1 3rd" on numbers that are not results
        Assert.Equal(0m, result.Row("c1").Total);
        Assert.Null(result.Row("c3").Award);
    }
}
