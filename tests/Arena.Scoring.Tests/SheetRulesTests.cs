namespace Arena.Scoring.Tests;

public class SheetRulesTests
{
    private static readonly RoundDefinition Rubric = new()
    {
        Id = "speech",
        Criteria =
        [
            new CriterionDefinition { Id = "content", Max = 40m, Step = 0.5m },
            new CriterionDefinition { Id = "delivery", Max = 30m, Step = 0.5m },
            new CriterionDefinition { Id = "effect", Max = 30m }, // default step 0.01
        ],
    };

    private static readonly RoundDefinition Single = new() { Id = "qa", Max = 100m };

    private static readonly RoundDefinition HalfPoints = new() { Id = "qa", Max = 10m, Step = 0.5m };

    private static Dictionary<string, decimal> Criteria(decimal content = 35m, decimal delivery = 27.5m, decimal effect = 28m) =>
        new() { ["content"] = content, ["delivery"] = delivery, ["effect"] = effect };

    private static Dictionary<string, decimal> Without(string criterion)
    {
        var c = Criteria();
        c.Remove(criterion);
        return c;
    }

    private static Dictionary<string, decimal> With(string criterion, decimal value)
    {
        var c = Criteria();
        c[criterion] = value;
        return c;
    }

    private static readonly Dictionary<string, (RoundDefinition Round, Dictionary<string, decimal>? Criteria, decimal? Score, string Path)> Rejected = new()
    {
        ["criterion off its step"] = (Rubric, Criteria(content: 35.3m), null, "criteria.content"),
        ["criterion over its max"] = (Rubric, Criteria(delivery: 30.5m), null, "criteria.delivery"),
        ["negative criterion"] = (Rubric, Criteria(effect: -1m), null, "criteria.effect"),
        ["criterion finer than the default step"] = (Rubric, Criteria(effect: 27.255m), null, "criteria.effect"),
        ["missing criterion"] = (Rubric, Without("effect"), null, "criteria.effect"),
        ["unknown criterion"] = (Rubric, With("charisma", 5m), null, "criteria.charisma"),
        ["score on a rubric round"] = (Rubric, Criteria(), 90m, "score"),
        ["no criteria on a rubric round"] = (Rubric, null, null, "criteria"),
        ["empty criteria on a rubric round"] = (Rubric, [], null, "criteria"),
        ["no score on a single-score round"] = (Single, null, null, "score"),
        ["score over the max"] = (Single, null, 100.01m, "score"),
        ["negative score"] = (Single, null, -0.01m, "score"),
        ["score finer than the default step"] = (Single, null, 88.755m, "score"),
        ["score off the round's step"] = (HalfPoints, null, 8.25m, "score"),
        ["criteria on a single-score round"] = (Single, Criteria(), 50m, "criteria"),
    };

    public static TheoryData<string> RejectedNames => [.. Rejected.Keys];

    [Theory, MemberData(nameof(RejectedNames))]
    public void a_sheet_breaking_a_rule_is_rejected_at_the_field(string @case)
    {
        var (round, criteria, score, path) = Rejected[@case];

        var problems = SheetRules.Validate(round, criteria, score, out _);

        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void a_complete_rubric_totals_its_criteria()
    {
        Assert.Empty(SheetRules.Validate(Rubric, Criteria(35m, 27.5m, 27.25m), null, out var total));
        Assert.Equal(89.75m, total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(88.75)]
    [InlineData(100)]
    public void a_single_score_on_its_step_within_the_range_is_its_total(double score)
    {
        Assert.Empty(SheetRules.Validate(Single, new Dictionary<string, decimal>(), (decimal)score, out var total));
        Assert.Equal((decimal)score, total);
    }

    [Fact]
    public void a_score_on_a_coarse_step_is_accepted()
    {
        Assert.Empty(SheetRules.Validate(HalfPoints, null, 8.5m, out var total));
        Assert.Equal(8.5m, total);
    }

    [Fact]
    public void a_wrong_value_is_named_with_its_limit()
    {
        var problem = Assert.Single(SheetRules.Validate(Rubric, Criteria(content: 35.3m), null, out _));

        Assert.Contains("0.5", problem.Message);
        Assert.Contains("35.3", problem.Message);
    }

    [Fact]
    public void every_problem_of_a_sheet_is_reported()
    {
        var criteria = new Dictionary<string, decimal> { ["content"] = 41m, ["charisma"] = 1m };

        var paths = SheetRules.Validate(Rubric, criteria, 3m, out _).Select(p => p.Path);

        Assert.Equal(["score", "criteria.content", "criteria.delivery", "criteria.effect", "criteria.charisma"], paths);
    }
}
