using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class RoundingTests
{
    public static TheoryData<string, decimal, int, string, decimal> Cases => new()
    {
        { "1.005 half-up (a double holds 1.00499…)", 1.005m, 2, RoundingModes.HalfUp, 1.01m },
        { "1.005 half-even", 1.005m, 2, RoundingModes.HalfEven, 1.00m },
        { "2.675 half-up (a double holds 2.67499…)", 2.675m, 2, RoundingModes.HalfUp, 2.68m },
        { "2.665 half-even goes to the even digit", 2.665m, 2, RoundingModes.HalfEven, 2.66m },
        { "a penalty's half rounds away from zero", -1.005m, 2, RoundingModes.HalfUp, -1.01m },
        { "2.5 to whole numbers half-even", 2.5m, 0, RoundingModes.HalfEven, 2m },
        { "3.5 to whole numbers half-even", 3.5m, 0, RoundingModes.HalfEven, 4m },
        { "below a half goes down", 88.1149999m, 2, RoundingModes.HalfUp, 88.11m },
        { "six decimals", 1.0000005m, 6, RoundingModes.HalfUp, 1.000001m },
    };

    [Theory, MemberData(nameof(Cases))]
    public void rounding_follows_the_named_mode(string @case, decimal value, int decimals, string mode, decimal expected)
    {
        _ = @case;
        Assert.Equal(expected, Rounding.Apply(value, new RoundingRule { Decimals = decimals, Mode = mode }));
    }

    [Theory]
    [InlineData(RoundingModes.HalfUp, 1.01)]
    [InlineData(RoundingModes.HalfEven, 1.00)]
    public void a_mean_of_exactly_1_005_rounds_by_the_final_s_mode(string mode, double expected)
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(1).WithRound("r", max: 10m).WithRounding(2, mode).BuildValid();

        var row = Compute(d, Sheets("c1", "r", 1.00m, 1.01m)).Row("c1");

        Assert.Equal(1.005m, row.Round("r").Exact);
        Assert.Equal((decimal)expected, row.Round("r").Score);
        Assert.Equal((decimal)expected, row.Total);
    }

    [Fact]
    public void a_mean_of_exactly_2_675_rounds_half_up_to_2_68()
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(1).WithRound("r", max: 10m).BuildValid();

        Assert.Equal(2.68m, Compute(d, Sheets("c1", "r", 2.67m, 2.68m)).Row("c1").Total);
    }

    [Fact]
    public void the_total_is_weighted_from_the_rounded_round_scores_people_see()
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(1)
            .WithRound("a", weight: 0.5m).WithRound("b", weight: 0.5m).WithRounding(0, RoundingModes.HalfUp).BuildValid();

        var row = Compute(d, [.. Sheets("c1", "a", 80m, 81m), .. Sheets("c1", "b", 70.3m, 70.5m)]).Row("c1");

        Assert.Equal(81m, row.Rounds["a"]);   // 80.5
        Assert.Equal(70m, row.Rounds["b"]);   // 70.4
        // 0.5 × 81 + 0.5 × 70 = 75.5 → 76; weighting the exact 80.5 and 70.4 would give 75.45 → 75.
        Assert.Equal(76m, row.Total);
    }

    [Fact]
    public void rounding_to_whole_points_applies_to_rounds_and_total()
    {
        var d = new FinalBuilder().WithJudges(2).WithContestants(1)
            .WithRound("a", weight: 0.3m).WithRounding(0, RoundingModes.HalfUp).BuildValid();

        var row = Compute(d, Sheets("c1", "a", 90m, 91m)).Row("c1");

        Assert.Equal(91m, row.Rounds["a"]);        // 90.5 → 91
        Assert.Equal(27m, row.Total);              // 0.3 × 91 = 27.3 → 27
    }
}
