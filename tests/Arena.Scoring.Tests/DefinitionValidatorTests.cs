namespace Arena.Scoring.Tests;

public class DefinitionValidatorTests
{
    /// <summary>The DESIGN.md final with a fourth contestant: valid, and the starting point of every broken case.</summary>
    private static readonly FinalDefinition Valid = DefinitionJson.Parse(WorkedExampleTests.Json).Definition! with
    {
        Contestants =
        [
            .. DefinitionJson.Parse(WorkedExampleTests.Json).Definition!.Contestants,
            new ContestantDefinition { Id = "c4", Name = "郑明", Order = 4 },
        ],
    };

    private static readonly Dictionary<string, (Func<FinalDefinition, FinalDefinition> Break, string Path)> Cases = new()
    {
        ["final without an id"] = (d => d with { Id = "" }, "id"),
        ["final id with a space"] = (d => d with { Id = "edu 2024" }, "id"),
        ["final id with a slash"] = (d => d with { Id = "edu/2024" }, "id"),
        ["final without a title"] = (d => d with { Title = " " }, "title"),
        ["unknown gate"] = (d => d with { Gate = "closed" }, "gate"),
        ["no rounds"] = (d => d with { Rounds = [] }, "rounds"),
        ["no judges"] = (d => d with { Judges = [] }, "judges"),
        ["no contestants"] = (d => d with { Contestants = [] }, "contestants"),
        ["an empty round"] = (d => d with { Rounds = [d.Rounds[0], null!] }, "rounds[1]"),
        ["round without an id"] = (d => d.Round(1, r => r with { Id = "" }), "rounds[1].id"),
        ["round id with an ampersand"] = (d => d.Round(1, r => r with { Id = "q&a" }), "rounds[1].id"),
        ["duplicate round id"] = (d => d.Round(1, r => r with { Id = "speech" }), "rounds[1].id"),
        ["duplicate criterion id"] = (d => d.Round(0, r => r.Criterion(2, c => c with { Id = "content" })), "rounds[0].criteria[2].id"),
        ["criterion id with a space"] = (d => d.Round(0, r => r.Criterion(1, c => c with { Id = "de livery" })), "rounds[0].criteria[1].id"),
        ["duplicate panel id"] = (d => d.Round(1, r => r.Panel(1, p => p with { Id = "experts" })), "rounds[1].panels[1].id"),
        ["duplicate judge id"] = (d => d.Judge(1, j => j with { Id = "j1" }), "judges[1].id"),
        ["judge id with a colon"] = (d => d.Judge(0, j => j with { Id = "j:1" }), "judges[0].id"),
        ["duplicate contestant id"] = (d => d.Contestant(3, c => c with { Id = "c1" }), "contestants[3].id"),
        ["contestant without an id"] = (d => d.Contestant(0, c => c with { Id = "" }), "contestants[0].id"),
        ["zero round weight"] = (d => d.Round(1, r => r with { Weight = 0m }), "rounds[1].weight"),
        ["negative round weight"] = (d => d.Round(0, r => r with { Weight = -0.7m }), "rounds[0].weight"),
        ["zero panel weight"] = (d => d.Round(1, r => r.Panel(0, p => p with { Weight = 0m })), "rounds[1].panels[0].weight"),
        ["zero criterion max"] = (d => d.Round(0, r => r.Criterion(0, c => c with { Max = 0m })), "rounds[0].criteria[0].max"),
        ["negative single-score max"] = (d => d.Round(1, r => r with { Max = -100m }), "rounds[1].max"),
        ["zero criterion step"] = (d => d.Round(0, r => r.Criterion(2, c => c with { Step = 0m })), "rounds[0].criteria[2].step"),
        ["negative criterion step"] = (d => d.Round(0, r => r.Criterion(1, c => c with { Step = -0.5m })), "rounds[0].criteria[1].step"),
        ["zero single-score step"] = (d => d.Round(1, r => r with { Step = 0m }), "rounds[1].step"),
        ["round with criteria and a max"] = (d => d.Round(0, r => r with { Max = 100m }), "rounds[0].max"),
        ["round with neither criteria nor max"] = (d => d.Round(1, r => r with { Max = null }), "rounds[1]"),
        ["round with empty criteria and no max"] = (d => d.Round(1, r => r with { Max = null, Criteria = [] }), "rounds[1]"),
        ["rubric round with a step of its own"] = (d => d.Round(0, r => r with { Step = 0.5m }), "rounds[0].step"),
        ["unknown aggregation method"] = (d => d.Round(1, r => r.Aggregate("average")), "rounds[1].aggregation.method"),
        ["negative dropHighest"] = (d => d.Round(0, r => r.Aggregate(AggregationMethods.TrimmedMean, -1, 1)), "rounds[0].aggregation.dropHighest"),
        ["negative dropLowest"] = (d => d.Round(0, r => r.Aggregate(AggregationMethods.TrimmedMean, 1, -1)), "rounds[0].aggregation.dropLowest"),
        ["dropHighest on a mean"] = (d => d.Round(1, r => r.Aggregate(AggregationMethods.Mean, 1, 0)), "rounds[1].aggregation.dropHighest"),
        ["dropLowest on a median"] = (d => d.Round(0, r => r.Aggregate(AggregationMethods.Median, 0, 1)), "rounds[0].aggregation.dropLowest"),
        ["negative rounding decimals"] = (d => d with { Rounding = new RoundingRule { Decimals = -1 } }, "rounding.decimals"),
        ["seven rounding decimals"] = (d => d with { Rounding = new RoundingRule { Decimals = 7 } }, "rounding.decimals"),
        ["unknown rounding mode"] = (d => d with { Rounding = new RoundingRule { Mode = "banker" } }, "rounding.mode"),
        ["judge on an unknown panel"] = (d => d.Judge(0, j => j with { Panel = "expert" }), "judges[0].panel"),
        ["judge named by a panel round without a panel"] = (d => d.Judge(2, j => j with { Panel = null }).Round(1, r => r with { Judges = ["j2", "j3", "j6"] }), "judges[2].panel"),
        ["judge named by a panel round from another round's panel"] = (d => d
            .Round(0, r => r with { Panels = [new PanelDefinition { Id = "guests", Weight = 1m }] })
            .Judge(6, j => j with { Panel = "guests" })
            .Round(1, r => r with { Judges = ["j1", "j6", "j7"] }), "judges[6].panel"),
        ["round naming an unknown judge"] = (d => d.Round(1, r => r with { Judges = ["j1", "j6", "j99"] }), "rounds[1].judges[2]"),
        ["recusal of an unknown contestant"] = (d => d.Judge(2, j => j with { Recusals = ["c99"] }), "judges[2].recusals[0]"),
        ["unknown tie-breaker"] = (d => d with { Ranking = new RankingRule { TieBreakers = ["best"] } }, "ranking.tieBreakers[0]"),
        ["tie-breaker on an unknown round"] = (d => d with { Ranking = new RankingRule { TieBreakers = ["untrimmed", "round:final"] } }, "ranking.tieBreakers[1]"),
        ["tie-breaker on no round"] = (d => d with { Ranking = new RankingRule { TieBreakers = ["round:"] } }, "ranking.tieBreakers[0]"),
        ["award for no one"] = (d => d with { Awards = [new AwardTier { Title = "一等奖", Count = 0 }] }, "awards[0].count"),
        ["award without a title"] = (d => d with { Awards = [new AwardTier { Title = "一等奖", Count = 1 }, new AwardTier { Count = 1 }] }, "awards[1].title"),
        ["more awards than contestants"] = (d => d with { Awards = [new AwardTier { Title = "一等奖", Count = 2 }, new AwardTier { Title = "二等奖", Count = 3 }] }, "awards"),
        ["duplicate contestant order"] = (d => d.Contestant(1, c => c with { Order = 1 }), "contestants[1].order"),
        ["trimmed mean left short by a recusal"] = (d => d.Round(0, r => r.Aggregate(AggregationMethods.TrimmedMean, 3, 3)), "contestants[2]"),
        ["panel left empty by recusals"] = (d => d.Judge(5, j => j with { Recusals = ["c1"] }).Judge(6, j => j with { Recusals = ["c1"] }), "contestants[0]"),
        ["round with too few judges for its trim"] = (d => d.Round(0, r => r with { Judges = ["j2", "j3"] }), "rounds[0].judges"),
        ["panel without judges"] = (d => d.Judge(5, j => j with { Panel = "experts" }).Judge(6, j => j with { Panel = "experts" }), "rounds[1].panels[1]"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void the_starting_definition_is_valid() => Assert.Empty(DefinitionValidator.Validate(Valid));

    [Theory, MemberData(nameof(CaseNames))]
    public void a_broken_definition_is_rejected_at_the_broken_place(string @case)
    {
        var (breakIt, path) = Cases[@case];

        var problems = DefinitionValidator.Validate(breakIt(Valid));

        Assert.Contains(problems, p => p.Path == path);
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void every_problem_is_reported_at_once()
    {
        var broken = (Valid with { Id = "", Title = "" })
            .Round(1, r => r with { Weight = 0m })
            .Judge(0, j => j with { Recusals = ["c99"] });

        var paths = DefinitionValidator.Validate(broken).Select(p => p.Path);

        Assert.Equal(["id", "title", "rounds[1].weight", "judges[0].recusals[0]"], paths);
    }

    [Fact]
    public void a_shortage_names_the_contestant_the_round_and_the_panel()
    {
        var broken = Valid.Judge(5, j => j with { Recusals = ["c2"] }).Judge(6, j => j with { Recusals = ["c2"] });

        var problem = Assert.Single(DefinitionValidator.Validate(broken));

        Assert.Equal("contestants[1]", problem.Path);
        Assert.Contains("'c2'", problem.Message);
        Assert.Contains("'qa'", problem.Message);
        Assert.Contains("'public'", problem.Message);
    }

    [Fact]
    public void a_trim_shortage_says_how_many_judges_are_needed()
    {
        var broken = Valid.Round(0, r => r.Aggregate(AggregationMethods.TrimmedMean, 3, 3));

        var problem = Assert.Single(DefinitionValidator.Validate(broken));

        Assert.Equal("contestants[2]", problem.Path);
        Assert.Contains("'c3'", problem.Message);
        Assert.Contains("'speech'", problem.Message);
        Assert.Contains("at least 7", problem.Message);
    }

    [Fact]
    public void weights_need_not_sum_to_one()
    {
        var d = Valid.Round(0, r => r with { Weight = 70m }).Round(1, r => r with { Weight = 30m, Panels = [r.Panels![0] with { Weight = 7m }, r.Panels[1] with { Weight = 3m }] });

        Assert.Empty(DefinitionValidator.Validate(d));
    }

    [Fact]
    public void ids_may_use_letters_of_any_script_digits_dashes_underscores_and_dots()
    {
        var d = Valid.Contestant(0, c => c with { Id = "选手_1.a-b" });

        Assert.Empty(DefinitionValidator.Validate(d));
    }

    [Fact]
    public void contestants_without_an_order_are_not_duplicates_of_each_other()
    {
        var d = Valid.Contestant(0, c => c with { Order = 0 }).Contestant(1, c => c with { Order = 0 });

        Assert.Empty(DefinitionValidator.Validate(d));
    }

    [Fact]
    public void a_round_naming_no_judges_takes_those_of_its_panels()
    {
        var d = Valid.Judge(2, j => j with { Panel = null });

        Assert.Empty(DefinitionValidator.Validate(d));
        Assert.DoesNotContain(Assignments.JudgesFor(d, "c1", "qa"), j => j.Id == "j3");
        Assert.Contains(Assignments.JudgesFor(d, "c1", "speech"), j => j.Id == "j3");
    }
}
