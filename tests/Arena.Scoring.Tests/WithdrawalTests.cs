using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

/// <summary>A contestant who withdrew (弃权) or did not show up (缺席) leaves the ranking and the awards.</summary>
public class WithdrawalTests
{
    private static FinalDefinition FourContestants() => new FinalBuilder().WithJudges(1).WithContestants(4).WithRound("r")
        .WithAward("gold", 1).WithAward("silver", 1).BuildValid();

    private static ScoringInput Totals(IReadOnlyList<Withdrawal> withdrawals, params decimal[] totals) =>
        new([.. totals.Select((t, i) => Sheet("j1", $"c{i + 1}", "r", t))], [], [], withdrawals);

    private static (string, int, string?, string?)[] Rows(StandingsResult result) =>
        [.. result.Rows.Select(r => (r.Contestant, r.Rank, r.Award, r.Withdrawn))];

    [Fact]
    public void a_withdrawn_leader_is_listed_after_the_ranked_contestants_without_rank_or_award_and_the_award_moves_down()
    {
        var result = ScoringEngine.Compute(FourContestants(), Totals([new("c1", WithdrawalKinds.Withdrawn)], 95m, 90m, 80m, 70m));

        Assert.Equal([("c2", 1, "gold", null), ("c3", 2, "silver", null), ("c4", 3, null, null), ("c1", 0, null, "withdrawn")], Rows(result));
    }

    [Fact]
    public void the_sheets_of_a_withdrawn_contestant_do_not_count_and_come_back_when_the_withdrawal_is_undone()
    {
        var d = FourContestants();
        var out_ = ScoringEngine.Compute(d, Totals([new("c2", WithdrawalKinds.Absent)], 95m, 90m, 80m, 70m)).Row("c2");
        Assert.Null(out_.Round("r").Score);
        Assert.Equal(0m, out_.Total);
        Assert.False(out_.Complete);

        var back = ScoringEngine.Compute(d, Totals([], 95m, 90m, 80m, 70m)).Row("c2");
        Assert.Equal((2, 90m, "silver"), (back.Rank, back.Total, back.Award));
    }

    [Fact]
    public void withdrawn_contestants_come_in_running_order_after_everyone_ranked_and_unscored_ones()
    {
        var result = ScoringEngine.Compute(FourContestants(), new ScoringInput([Sheet("j1", "c2", "r", 50m)], [], [],
            [new("c4", WithdrawalKinds.Absent), new("c3", WithdrawalKinds.Withdrawn)]));

        Assert.Equal(["c2", "c1", "c3", "c4"], result.Rows.Select(r => r.Contestant));
        Assert.Equal([1, 0, 0, 0], result.Rows.Select(r => r.Rank)); // c1, unscored, has no rank but is not withdrawn
        Assert.Equal([null, null, "withdrawn", "absent"], result.Rows.Select(r => r.Withdrawn));
    }

    [Fact]
    public void the_incremental_standings_leave_a_withdrawn_contestant_out_and_take_them_back()
    {
        var d = FourContestants();
        var live = new LiveStandings(d);
        foreach (var (c, t) in new[] { ("c1", 95m), ("c2", 90m), ("c3", 80m), ("c4", 70m) }) live.SetSheet(c, "r", "j1", t);

        live.Withdraw("c1", WithdrawalKinds.Withdrawn);
        Assert.Equal([("c2", 1, "gold", null), ("c3", 2, "silver", null), ("c4", 3, null, null), ("c1", 0, null, "withdrawn")], Rows(live.Full));
        Assert.Equal(Rows(live.Full), Rows(live.Revealed));

        live.Withdraw("c1", null);
        Assert.Equal(("c1", 1, "gold", (string?)null), Rows(live.Full)[0]);
    }
}
