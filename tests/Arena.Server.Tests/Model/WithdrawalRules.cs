using Arena.Finals;
using Arena.Journal;
using Arena.Scoring;
using Arena.Testing;
using static Arena.Server.Tests.Model.ModelRun;

namespace Arena.Server.Tests.Model;

/// <summary>Withdrawals and no-shows as the final's model decides them.</summary>
public sealed class WithdrawalRules
{
    private static ModelRun ThreeContestants() => new(new FinalBuilder(judges: 3, contestants: 3).Mean());

    [Fact]
    public void a_withdrawn_contestant_does_not_block_publication_and_gets_no_award()
    {
        var run = ThreeContestants();
        run.ScoreAll("c1", 80m, 3);
        run.ScoreAll("c2", 90m, 3);
        Assert.Equal(409, run.Refused(new PublishResults(), Chief)); // c3 has not been scored

        run.Do(new WithdrawContestant("c3", "absent", "did not show up"), Chief);
        run.Do(new PublishResults(), Chief);

        var rows = run.Standings.Rows;
        Assert.Equal([("c2", (int?)1, "一等奖", (string?)null), ("c1", 2, null, null), ("c3", null, null, "absent")],
            rows.Select(r => (r.Contestant, r.Rank, r.Award, r.Withdrawn)));
        Assert.True(run.Model.Published);
    }

    [Fact]
    public void the_winner_withdrawing_passes_the_award_down_and_undoing_it_restores_everything()
    {
        var run = ThreeContestants();
        run.ScoreAll("c1", 95m, 3);
        run.ScoreAll("c2", 90m, 3);
        var before = run.Standings.Rows;

        run.Do(new WithdrawContestant("c1", "withdrawn", "ill"), ModelRun.Admin);
        Assert.Equal(("c2", (int?)1, "一等奖"), (run.Standings.Rows[0].Contestant, run.Standings.Rows[0].Rank, run.Standings.Rows[0].Award));
        Assert.Equal(("c1", (string?)"withdrawn"), (run.Standings.Rows[^1].Contestant, run.Standings.Rows[^1].Withdrawn));

        run.Do(new UndoWithdrawal("c1", "came back"), Chief);
        Assert.Equal(Json(before), Json(run.Standings.Rows));
    }

    [Fact]
    public void nobody_can_score_or_call_a_withdrawn_contestant_and_a_second_withdrawal_is_a_conflict()
    {
        var run = ThreeContestants();
        run.Do(new WithdrawContestant("c2", "withdrawn", "gave up"), Chief);

        Assert.Equal(409, run.Refused(new SubmitSheetCommand(new SubmitSheet("s1", "c2", "main", null, 80m)), Judge("j2")));
        Assert.Equal(409, run.Refused(new CallContestant(new Stage("c2", "main")), Operator));
        Assert.Equal(409, run.Refused(new WithdrawContestant("c2", "absent", "again"), Chief));
        Assert.Equal(409, run.Refused(new UndoWithdrawal("c1", "not out"), Chief));
    }

    [Fact]
    public void only_the_admin_or_the_chief_judge_withdraw_with_a_known_kind_and_a_reason()
    {
        var run = ThreeContestants();
        Assert.Equal(403, run.Refused(new WithdrawContestant("c1", "withdrawn", "x"), Judge("j2")));
        Assert.Equal(403, run.Refused(new WithdrawContestant("c1", "withdrawn", "x"), Operator));
        Assert.Equal(400, run.Refused(new WithdrawContestant("c1", "sick", "x"), Chief));
        Assert.Equal(400, run.Refused(new WithdrawContestant("c1", "withdrawn", " "), Chief));
        Assert.Equal(404, run.Refused(new WithdrawContestant("c9", "withdrawn", "x"), Chief));
    }

    [Fact]
    public void after_publication_a_withdrawal_and_its_undoing_are_conflicts()
    {
        var run = new ModelRun(new FinalBuilder(judges: 3, contestants: 2).Mean());
        run.ScoreAll("c1", 80m, 3);
        run.Do(new WithdrawContestant("c2", "absent", "no-show"), Chief);
        run.Do(new PublishResults(), Chief);

        Assert.Equal(409, run.Refused(new UndoWithdrawal("c2", "late"), Chief));
        Assert.Equal(409, run.Refused(new WithdrawContestant("c1", "withdrawn", "late"), Chief));
    }

    [Fact]
    public void the_replayed_journal_and_the_recomputation_agree_with_the_live_standings()
    {
        var run = ThreeContestants();
        run.ScoreAll("c1", 95m, 3);
        run.ScoreAll("c2", 90m, 2);
        run.Do(new WithdrawContestant("c1", "withdrawn", "ill"), Chief);

        var replayed = run.Replayed();
        Assert.Equal(Json(run.Standings.Rows), Json(replayed.StandingsView(revealedOnly: false).Rows));
        Assert.True(JournalVerifier.Verify(run.Model.FinalId, run.Entries, new JournalSigner(new byte[32])).Ok);
        Assert.Equal([new WithdrawalView("c1", "withdrawn", "ill")], replayed.Screen().Withdrawn);
    }
}
