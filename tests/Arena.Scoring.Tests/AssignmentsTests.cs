namespace Arena.Scoring.Tests;

public class AssignmentsTests
{
    private static readonly FinalDefinition Final = new FinalBuilder()
        .WithJudge("j1", "experts", "c2").WithJudge("j2", "experts").WithJudge("j3", "public").WithJudge("j4")
        .WithContestants(2)
        .WithRound("speech", judgeIds: ["j1", "j2", "j4"])
        .WithRound("qa").WithPanels(("experts", 0.8m), ("public", 0.2m))
        .BuildValid();

    private static string[] Ids(IEnumerable<JudgeDefinition> judges) => [.. judges.Select(j => j.Id)];

    [Fact]
    public void a_round_naming_judges_takes_only_those() => Assert.Equal(["j1", "j2", "j4"], Ids(Assignments.JudgesFor(Final, "c1", "speech")));

    [Fact]
    public void a_panel_round_naming_no_judges_takes_the_judges_of_its_panels() => Assert.Equal(["j1", "j2", "j3"], Ids(Assignments.JudgesFor(Final, "c1", "qa")));

    [Fact]
    public void a_recused_judge_is_left_out_for_that_contestant_only()
    {
        Assert.Equal(["j2", "j4"], Ids(Assignments.JudgesFor(Final, "c2", "speech")));
        Assert.True(Assignments.IsRecused(Final, "j1", "c2"));
        Assert.False(Assignments.IsRecused(Final, "j1", "c1"));
        Assert.True(Assignments.IsAssigned(Final, "j1", "speech"));
    }

    [Fact]
    public void assignment_follows_the_round_list_and_panels()
    {
        Assert.False(Assignments.IsAssigned(Final, "j3", "speech"));
        Assert.False(Assignments.IsAssigned(Final, "j4", "qa"));
        Assert.False(Assignments.IsAssigned(Final, "j9", "qa"));
        Assert.False(Assignments.IsAssigned(Final, "j1", "final"));
        Assert.Empty(Assignments.JudgesFor(Final, "c1", "final"));
    }

    [Fact]
    public void a_judge_s_panel_matters_only_in_a_round_with_panels()
    {
        Assert.Equal("public", Assignments.PanelOf(Final, "j3", "qa"));
        Assert.Null(Assignments.PanelOf(Final, "j1", "speech"));
        Assert.Null(Assignments.PanelOf(Final, "j4", "qa"));
    }
}
