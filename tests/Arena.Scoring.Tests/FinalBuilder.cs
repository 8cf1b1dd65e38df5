namespace Arena.Scoring.Tests;

/// <summary>Test data: a valid final by default (one judge, one contestant, one mean round out of 100), grown fluently.</summary>
internal sealed class FinalBuilder
{
    private readonly List<RoundDefinition> rounds = [];
    private readonly List<JudgeDefinition> judges = [];
    private readonly List<ContestantDefinition> contestants = [];
    private readonly List<string> tieBreakers = [];
    private readonly List<AwardTier> awards = [];
    private RoundingRule rounding = new();

    /// <summary>Adds judges j1, j2, … numbered on from those already there.</summary>
    public FinalBuilder WithJudges(int count, string? panel = null)
    {
        for (var i = 0; i < count; i++) WithJudge($"j{judges.Count + 1}", panel);
        return this;
    }

    public FinalBuilder WithJudge(string id, string? panel = null, params string[] recusals)
    {
        judges.Add(new JudgeDefinition { Id = id, Name = $"Judge {id}", Panel = panel, Recusals = recusals });
        return this;
    }

    /// <summary>Adds contestants c1, c2, … with order 1, 2, …</summary>
    public FinalBuilder WithContestants(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = contestants.Count + 1;
            contestants.Add(new ContestantDefinition { Id = $"c{n}", Name = $"Contestant {n}", Order = n });
        }
        return this;
    }

    /// <summary>A single-score round.</summary>
    public FinalBuilder WithRound(
        string id, decimal weight = 1m, string method = AggregationMethods.Mean, int dropHighest = 0, int dropLowest = 0,
        decimal max = 100m, decimal? step = null, params string[] judgeIds)
    {
        rounds.Add(new RoundDefinition
        {
            Id = id, Title = id, Weight = weight, Max = max, Step = step, Judges = judgeIds,
            Aggregation = new AggregationRule { Method = method, DropHighest = dropHighest, DropLowest = dropLowest },
        });
        return this;
    }

    public FinalBuilder WithRubricRound(string id, decimal weight, AggregationRule aggregation, params CriterionDefinition[] criteria)
    {
        rounds.Add(new RoundDefinition { Id = id, Title = id, Weight = weight, Criteria = criteria, Aggregation = aggregation });
        return this;
    }

    /// <summary>Gives the last round added these panels.</summary>
    public FinalBuilder WithPanels(params (string Id, decimal Weight)[] panels)
    {
        rounds[^1] = rounds[^1] with { Panels = [.. panels.Select(p => new PanelDefinition { Id = p.Id, Title = p.Id, Weight = p.Weight })] };
        return this;
    }

    public FinalBuilder WithRounding(int decimals, string mode)
    {
        rounding = new RoundingRule { Decimals = decimals, Mode = mode };
        return this;
    }

    public FinalBuilder WithTieBreakers(params string[] orderedTieBreakers)
    {
        tieBreakers.AddRange(orderedTieBreakers);
        return this;
    }

    public FinalBuilder WithAward(string title, int count)
    {
        awards.Add(new AwardTier { Title = title, Count = count });
        return this;
    }

    public FinalDefinition Build() => new()
    {
        Id = "test-final",
        Title = "Test final",
        Rounds = rounds.Count > 0 ? [.. rounds] : [new RoundDefinition { Id = "r", Title = "r", Max = 100m }],
        Judges = judges.Count > 0 ? [.. judges] : [new JudgeDefinition { Id = "j1", Name = "Judge j1" }],
        Contestants = contestants.Count > 0 ? [.. contestants] : [new ContestantDefinition { Id = "c1", Name = "Contestant 1", Order = 1 }],
        Rounding = rounding,
        Ranking = new RankingRule { TieBreakers = [.. tieBreakers] },
        Awards = [.. awards],
    };

    /// <summary>Builds and insists the definition is valid, so that a scoring test never runs on a broken final.</summary>
    public FinalDefinition BuildValid()
    {
        var d = Build();
        Assert.Empty(DefinitionValidator.Validate(d));
        return d;
    }
}
