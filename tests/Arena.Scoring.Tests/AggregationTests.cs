using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class AggregationTests
{
    [Fact]
    public void nine_judges_with_the_highest_and_lowest_dropped_average_the_middle_seven()
    {
        var d = new FinalBuilder().WithJudges(9).WithContestants(1)
            .WithRound("speech", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1).BuildValid();

        var round = Compute(d, Sheets("c1", "speech", 91m, 88.5m, 93m, 87m, 95.5m, 89m, 90m, 92m, 86m)).Row("c1").Round("speech");

        // 87 + 88.5 + 89 + 90 + 91 + 92 + 93 = 630.5; 630.5 / 7 = 90.0714…
        Assert.Equal(630.5m / 7m, round.Exact);
        Assert.Equal(90.07m, round.Score);
        Assert.Equal(["j5", "j9"], round.Dropped().Order());
        Assert.Equal(9, round.Sheets.Count);
    }

    [Fact]
    public void equal_extreme_sheets_drop_only_as_many_as_the_rule_says()
    {
        var d = new FinalBuilder().WithJudges(5).WithContestants(1)
            .WithRound("r", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1).BuildValid();

        var round = Compute(d, Sheets("c1", "r", 90m, 90m, 80m, 80m, 85m)).Row("c1").Round("r");

        Assert.Equal(85m, round.Score); // 80 + 85 + 90 kept
        Assert.Equal(2, round.Dropped().Length);
    }

    public static TheoryData<string, string, decimal[], decimal> Methods => new()
    {
        { "mean of three", AggregationMethods.Mean, [70m, 80m, 95m], 81.67m },
        { "median of an odd number is the middle sheet", AggregationMethods.Median, [70m, 95m, 80m], 80m },
        { "median of an even number is the mean of the two middle sheets", AggregationMethods.Median, [70m, 95m, 80m, 85m], 82.5m },
        { "median of one sheet is that sheet", AggregationMethods.Median, [64.25m], 64.25m },
        { "sum adds every sheet", AggregationMethods.Sum, [9.5m, 8m, 7.25m], 24.75m },
        { "trimmed mean without drops is the mean", AggregationMethods.TrimmedMean, [70m, 80m, 95m], 81.67m },
    };

    [Theory, MemberData(nameof(Methods))]
    public void each_aggregation_method_gives_its_score(string @case, string method, decimal[] totals, decimal expected)
    {
        _ = @case;
        var d = new FinalBuilder().WithJudges(totals.Length).WithContestants(1).WithRound("r", method: method).BuildValid();

        var round = Compute(d, Sheets("c1", "r", totals)).Row("c1").Round("r");

        Assert.Equal(expected, round.Score);
        Assert.All(round.Sheets, s => Assert.True(s.Counted));
    }

    [Fact]
    public void a_trimmed_mean_has_no_score_until_there_are_more_sheets_than_it_drops()
    {
        var d = new FinalBuilder().WithJudges(5).WithContestants(1)
            .WithRound("r", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1).BuildValid();

        var two = Compute(d, Sheets("c1", "r", 80m, 90m)).Row("c1");
        var three = Compute(d, Sheets("c1", "r", 80m, 90m, 70m)).Row("c1");

        Assert.Null(two.Round("r").Score);
        Assert.Null(two.Round("r").Exact);
        Assert.Empty(two.Round("r").Dropped());
        Assert.Equal(0m, two.Total);
        Assert.Equal(80m, three.Round("r").Score);
    }

    [Fact]
    public void a_round_without_sheets_has_no_score_whatever_the_method()
    {
        var d = new FinalBuilder().WithJudges(1).WithContestants(1).WithRound("r", method: AggregationMethods.Sum).BuildValid();

        var row = Compute(d, []).Row("c1");

        Assert.Null(row.Round("r").Score);
        Assert.Null(row.Rounds["r"]);
        Assert.Equal(0m, row.Total);
    }
}
