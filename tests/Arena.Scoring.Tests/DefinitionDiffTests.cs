namespace Arena.Scoring.Tests;

/// <summary>What an amendment changes, and how far it reaches: names (any time), who takes part, or how scores are computed.</summary>
public class DefinitionDiffTests
{
    private static readonly FinalDefinition Base = new FinalBuilder()
        .WithJudges(5).WithContestants(3)
        .WithRound("speech", weight: 0.7m, method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1)
        .WithRubricRound("qa", 0.3m, new AggregationRule(), new CriterionDefinition { Id = "content", Title = "内容", Max = 40, Step = 0.5m })
        .WithAward("一等奖", 1).WithAward("二等奖", 1)
        .BuildValid();

    public static TheoryData<string, Func<FinalDefinition, FinalDefinition>, string, string> Cases() => new()
    {
        { "the title", d => d with { Title = "新标题" }, ChangeKinds.Cosmetic, "title" },
        { "a contestant's name", d => d.Contestant(1, c => c with { Name = "刘晓美" }), ChangeKinds.Cosmetic, "contestants[c2].name" },
        { "a contestant's unit", d => d.Contestant(0, c => c with { Unit = "南明区" }), ChangeKinds.Cosmetic, "contestants[c1].unit" },
        { "the running order", d => d.Contestant(0, c => c with { Order = 9 }), ChangeKinds.Cosmetic, "contestants[c1].order" },
        { "a judge replaced by name", d => d.Judge(2, j => j with { Name = "李评委" }), ChangeKinds.Cosmetic, "judges[j3].name" },
        { "a round's title", d => d.Round(0, r => r with { Title = "主题演讲" }), ChangeKinds.Cosmetic, "rounds[speech].title" },
        { "a criterion's title", d => d.Round(1, r => r.Criterion(0, c => c with { Title = "答题内容" })), ChangeKinds.Cosmetic, "rounds[qa].criteria[content].title" },
        { "an award's title", d => d with { Awards = [new AwardTier { Title = "金奖", Count = 1 }, d.Awards[1]] }, ChangeKinds.Cosmetic, "awards[0].title" },
        { "a judge added", d => d with { Judges = [.. d.Judges, new JudgeDefinition { Id = "j9", Name = "新评委" }] }, ChangeKinds.Roster, "judges[j9]" },
        { "a judge removed", d => d with { Judges = [.. d.Judges.Take(4)] }, ChangeKinds.Roster, "judges[j5]" },
        { "a contestant added", d => d with { Contestants = [.. d.Contestants, new ContestantDefinition { Id = "c9", Name = "补报选手", Order = 9 }] }, ChangeKinds.Roster, "contestants[c9]" },
        { "the gate", d => d with { Gate = Gates.Open }, ChangeKinds.Roster, "gate" },
        { "the chief judge", d => d.Judge(1, j => j with { Chief = true }), ChangeKinds.Roster, "judges[j2].chief" },
        { "a weight", d => d.Round(0, r => r with { Weight = 0.6m }).Round(1, r => r with { Weight = 0.4m }), ChangeKinds.Scoring, "rounds[speech].weight" },
        { "the aggregation", d => d.Round(0, r => r.Aggregate(AggregationMethods.Median)), ChangeKinds.Scoring, "rounds[speech].aggregation" },
        { "a drop", d => d.Round(0, r => r.Aggregate(AggregationMethods.TrimmedMean, 2, 1)), ChangeKinds.Scoring, "rounds[speech].aggregation" },
        { "a criterion's max", d => d.Round(1, r => r.Criterion(0, c => c with { Max = 50 })), ChangeKinds.Scoring, "rounds[qa].criteria[content].max" },
        { "a round's step", d => d.Round(0, r => r with { Step = 0.1m }), ChangeKinds.Scoring, "rounds[speech].step" },
        { "a recusal", d => d.Judge(0, j => j with { Recusals = ["c2"] }), ChangeKinds.Scoring, "judges[j1].recusals" },
        { "the rounding", d => d with { Rounding = new RoundingRule { Decimals = 1 } }, ChangeKinds.Scoring, "rounding.decimals" },
        { "the tie-breakers", d => d with { Ranking = new RankingRule { TieBreakers = ["untrimmed"] } }, ChangeKinds.Scoring, "ranking.tieBreakers" },
        { "an award's count", d => d with { Awards = [d.Awards[0], new AwardTier { Title = "二等奖", Count = 2 }] }, ChangeKinds.Scoring, "awards" },
        { "a round removed", d => d with { Rounds = [d.Rounds[0] with { Weight = 1m }] }, ChangeKinds.Scoring, "rounds[qa]" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void each_change_is_named_by_its_path_and_classified(string what, Func<FinalDefinition, FinalDefinition> edit, string kind, string path)
    {
        var changes = DefinitionDiff.Compare(Base, edit(Base));
        Assert.Contains(changes, c => c.Path == path && c.Kind == kind);
        Assert.True(changes.All(c => c.Path == path || c.Kind == ChangeKinds.Scoring), $"{what}: {string.Join(", ", changes)}");
    }

    [Fact]
    public void the_same_definition_is_no_change_even_with_numbers_written_differently()
    {
        var same = Base.Round(0, r => r with { Weight = 0.70m });
        Assert.Empty(DefinitionDiff.Compare(Base, same));
        Assert.Empty(DefinitionDiff.Compare(Base, Base with { }));
    }

    [Fact]
    public void a_rename_shows_the_name_before_and_after()
    {
        var change = Assert.Single(DefinitionDiff.Compare(Base, Base.Contestant(1, c => c with { Name = "刘晓美" })));
        Assert.Equal(new DefinitionChange(ChangeKinds.Cosmetic, "contestants[c2].name", "Contestant 2", "刘晓美"), change);
    }

    [Fact]
    public void an_added_or_removed_person_is_one_change_naming_them()
    {
        var judges = Base with { Judges = [.. Base.Judges.Take(4), new JudgeDefinition { Id = "j6", Name = "新评委" }] };
        var changes = DefinitionDiff.Compare(Base, judges);
        Assert.Equal(
            [new DefinitionChange(ChangeKinds.Roster, "judges[j6]", null, "新评委"), new DefinitionChange(ChangeKinds.Roster, "judges[j5]", "Judge j5", null)],
            changes);
    }

    [Fact]
    public void reordering_rounds_is_a_change_of_order_only()
    {
        var change = Assert.Single(DefinitionDiff.Compare(Base, Base with { Rounds = [Base.Rounds[1], Base.Rounds[0]] }));
        Assert.Equal(new DefinitionChange(ChangeKinds.Cosmetic, "rounds.order", "speech, qa", "qa, speech"), change);
    }
}
