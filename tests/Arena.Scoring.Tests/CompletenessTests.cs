using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

public class CompletenessTests
{
    private static readonly FinalDefinition ThreeJudges = new FinalBuilder().WithJudges(3).WithContestants(1)
        .WithRound("a").WithRound("b").BuildValid();

    [Fact]
    public void a_round_with_sheets_missing_is_provisional_but_already_scored()
    {
        var row = Compute(ThreeJudges, Sheets("c1", "a", 80m, 90m)).Row("c1");

        Assert.False(row.Round("a").Complete);
        Assert.Equal(85m, row.Rounds["a"]);
        Assert.False(row.Complete);
    }

    [Fact]
    public void a_contestant_is_complete_when_every_round_has_every_sheet()
    {
        var half = Compute(ThreeJudges, Sheets("c1", "a", 80m, 90m, 70m)).Row("c1");
        var all = Compute(ThreeJudges, [.. Sheets("c1", "a", 80m, 90m, 70m), .. Sheets("c1", "b", 60m, 60m, 60m)]).Row("c1");

        Assert.True(half.Round("a").Complete);
        Assert.False(half.Complete);
        Assert.True(all.Complete);
    }

    [Fact]
    public void a_closure_completes_a_round_with_the_sheets_present()
    {
        var input = Input([.. Sheets("c1", "a", 80m, 90m), .. Sheets("c1", "b", 60m, 60m, 60m)], closures: [new RoundClosure("c1", "a")]);

        var row = ScoringEngine.Compute(ThreeJudges, input).Row("c1");

        Assert.True(row.Round("a").Complete);
        Assert.True(row.Round("a").Closed);
        Assert.False(row.Round("b").Closed);
        Assert.Equal(85m, row.Rounds["a"]);
        Assert.True(row.Complete);
    }

    [Fact]
    public void a_round_closed_without_enough_sheets_is_complete_without_a_score()
    {
        var input = Input([], closures: [new RoundClosure("c1", "a"), new RoundClosure("c1", "b")]);

        var row = ScoringEngine.Compute(ThreeJudges, input).Row("c1");

        Assert.True(row.Complete);
        Assert.Null(row.Rounds["a"]);
        Assert.Null(row.Award);
    }

    [Fact]
    public void a_corrected_sheet_replaces_the_judge_s_earlier_one()
    {
        var row = Compute(ThreeJudges, [Sheet("j1", "c1", "a", 10m), .. Sheets("c1", "a", 80m, 90m, 70m)]).Row("c1");

        Assert.Equal(80m, row.Rounds["a"]);
        Assert.Equal(3, row.Round("a").Sheets.Count);
    }

    [Fact]
    public void the_last_of_several_sheets_by_one_judge_wins_even_if_lower()
    {
        var row = Compute(ThreeJudges, [.. Sheets("c1", "a", 80m, 90m, 70m), Sheet("j2", "c1", "a", 60m)]).Row("c1");

        Assert.Equal(70m, row.Rounds["a"]);
        Assert.Equal(60m, row.Round("a").Sheets.Single(s => s.Judge == "j2").Total);
    }
}
