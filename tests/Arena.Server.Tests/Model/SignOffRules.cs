using Arena.Contestants;
using Arena.Finals;
using Arena.Journal;
using Arena.Testing;
using static Arena.Server.Tests.Model.ModelRun;

namespace Arena.Server.Tests.Model;

/// <summary>Two-person sign-off: the chief judge asks, a supervisor confirms or refuses, each with a reason.</summary>
public sealed class SignOffRules
{
    private static readonly Caller Supervisor = new("supervisor", "李监督");
    private static readonly Caller Auditor = new("auditor", "office");

    private static ModelRun Scored(bool signOff = true)
    {
        var run = new ModelRun(new FinalBuilder(judges: 3, contestants: 2).Mean().With(f => { if (signOff) f["signOff"] = true; }));
        run.ScoreAll("c1", 80m, 3);
        run.ScoreAll("c2", 70m, 3);
        return run;
    }

    private static string Pending(ModelRun run, string kind) => run.Model.SignOffView().Pending.Single(p => p.Kind == kind).Proposal;

    [Fact]
    public void the_chiefs_penalty_counts_only_once_a_supervisor_confirms_it_and_says_who_and_why()
    {
        var run = Scored();
        run.Do(new AdjustScore("c1", null, -15m, "超时"), Chief);
        Assert.Equal(80m, run.Standings.Rows.Single(r => r.Contestant == "c1").Total); // asked, not applied
        var proposal = Pending(run, SignOffKinds.Adjustment);

        Assert.Equal(403, run.Refused(new ConfirmSignOff(proposal, "同意"), Chief));    // not the one who asked
        Assert.Equal(403, run.Refused(new ConfirmSignOff(proposal, "同意"), ModelRun.Admin));
        Assert.Equal(403, run.Refused(new ConfirmSignOff(proposal, "同意"), Auditor));
        Assert.Equal(400, run.Refused(new ConfirmSignOff(proposal, " "), Supervisor)); // a reason is required
        run.Do(new ConfirmSignOff(proposal, "核实超时 40 秒"), Supervisor);

        Assert.Equal(65m, run.Standings.Rows.Single(r => r.Contestant == "c1").Total);
        Assert.Equal("c2", run.Standings.Rows[0].Contestant);
        var answer = Assert.Single(run.Model.SignOffView().Answered);
        Assert.Equal((true, "核实超时 40 秒", "supervisor:李监督", "judge:j1", -15m), (answer.Confirmed, answer.Reason, answer.By, answer.Item.ProposedBy, answer.Item.Points!.Value));
        Assert.Equal(404, run.Refused(new ConfirmSignOff(proposal, "again"), Supervisor)); // answered once
        // The confirmation is the adjustment on the contestant's stream: the replay and the full recomputation agree.
        Assert.Equal(65m, run.Replayed().Standings.Full.Rows.Single(r => r.Contestant == "c1").Total);
        Assert.Single(run.Entries, e => e.Type == nameof(AdjustmentApplied) && e.Actor == "supervisor:李监督");
    }

    [Fact]
    public void a_refused_penalty_never_counts()
    {
        var run = Scored();
        run.Do(new AdjustScore("c1", null, -15m, "超时"), Chief);
        run.Do(new RefuseSignOff(Pending(run, SignOffKinds.Adjustment), "录像显示未超时"), Supervisor);
        Assert.Equal(80m, run.Standings.Rows.Single(r => r.Contestant == "c1").Total);
        Assert.Empty(run.Model.SignOffView().Pending);
        Assert.False(Assert.Single(run.Replayed().SignOffView().Answered).Confirmed);
    }

    [Fact]
    public void publication_waits_for_the_supervisor_and_a_change_since_the_request_needs_a_new_one()
    {
        var run = Scored();
        run.Do(new AdjustScore("c2", null, 1m, "加分"), Chief);
        Assert.Equal(409, run.Refused(new PublishResults(), Chief)); // an adjustment still waits
        run.Do(new ConfirmSignOff(Pending(run, SignOffKinds.Adjustment), "同意"), Supervisor);

        run.Do(new PublishResults(), Chief);
        Assert.False(run.Model.Published);
        var asked = Pending(run, SignOffKinds.Publication);
        // A sheet reopened since: what the chief asked to publish is not what would be published.
        run.Do(new ReopenSheet("c2", "main", "j3", "录入错误"), Chief);
        run.Score("j3", "c2", 72m);
        Assert.Equal(409, run.Refused(new ConfirmSignOff(asked, "同意"), Supervisor));

        run.Do(new PublishResults(), Chief); // asks again: replaces the earlier request
        var again = Assert.Single(run.Model.SignOffView().Pending).Proposal;
        run.Do(new ConfirmSignOff(again, "核对无误"), Supervisor);
        Assert.True(run.Model.Published);
        Assert.Equal([nameof(PublicationConfirmed), nameof(ResultsPublished)], run.Entries.TakeLast(2).Select(e => e.Type));
        Assert.True(run.Replayed().Published);
        var report = JournalVerifier.Verify(run.Model.FinalId, run.Entries, new JournalSigner(new byte[32]), null, out _);
        Assert.True(report.Ok, string.Join("\n", report.Problems));
    }

    [Fact]
    public void without_sign_off_the_chiefs_word_is_enough_and_a_supervisor_has_nothing_to_answer()
    {
        var run = Scored(signOff: false);
        run.Do(new AdjustScore("c1", null, -15m, "超时"), Chief);
        Assert.Equal(65m, run.Standings.Rows.Single(r => r.Contestant == "c1").Total);
        Assert.Equal(409, run.Refused(new ConfirmSignOff("p1", "同意"), Supervisor));
        run.Do(new PublishResults(), Chief);
        Assert.True(run.Model.Published);
    }
}
