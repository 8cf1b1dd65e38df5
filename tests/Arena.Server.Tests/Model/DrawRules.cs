using Arena.Finals;
using Arena.Scoring;
using Arena.Testing;
using static Arena.Server.Tests.Model.ModelRun;

namespace Arena.Server.Tests.Model;

/// <summary>The draw as the final's model decides it (the grain supplies the seed; here the test does).</summary>
public sealed class DrawRules
{
    private const string Seed = "8f2c0e1b9d4a7765c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0";

    private static ModelRun Final(int contestants = 5) => new(new FinalBuilder(judges: 3, contestants: contestants).Gated().Mean());

    [Fact]
    public void the_revealed_order_is_the_formula_and_becomes_every_contestants_order()
    {
        var run = Final();
        run.Do(new CommitDraw(Seed, "sealed"), Operator);
        Assert.Equal(("committed", Draw.Commitment(Seed), (string?)null), (run.Model.DrawState()!.State, run.Model.DrawState()!.Commitment, run.Model.DrawState()!.Seed));

        run.Do(new RevealDraw(Seed), Operator);

        var expected = Draw.Order(Seed, ["c1", "c2", "c3", "c4", "c5"]);
        Assert.Equal(expected, run.Model.DrawState()!.Order);
        Assert.Equal(expected, run.Model.RequireDefinition().Contestants.OrderBy(c => c.Order).Select(c => c.Id));
        Assert.Equal([1, 2, 3, 4, 5], run.Model.RequireDefinition().Contestants.Select(c => c.Order).Order());
        Assert.Equal(expected, run.Replayed().RequireDefinition().Contestants.OrderBy(c => c.Order).Select(c => c.Id));
    }

    [Fact]
    public void a_reveal_without_a_commitment_and_a_second_commitment_before_the_reveal_are_conflicts()
    {
        var run = Final();
        Assert.Equal(409, run.Refused(new RevealDraw(Seed), Operator));
        run.Do(new CommitDraw(Seed, "sealed"), ModelRun.Admin);
        Assert.Equal(409, run.Refused(new CommitDraw(Seed, "sealed"), Operator));
        Assert.Equal(409, run.Refused(new RevealDraw(new string('0', 64)), Operator)); // not the committed seed
        Assert.Equal(403, run.Refused(new RevealDraw(Seed), Chief));
    }

    [Fact]
    public void withdrawn_contestants_are_left_out_and_a_redraw_is_a_new_commit_and_reveal_until_someone_is_called()
    {
        var run = Final();
        run.Do(new CommitDraw(Seed, "sealed"), Operator);
        run.Do(new RevealDraw(Seed), Operator);
        run.Do(new WithdrawContestant("c3", "absent", "no-show"), Chief);

        const string again = "0000000000000000000000000000000000000000000000000000000000000001";
        run.Do(new CommitDraw(again, "sealed"), Operator);
        run.Do(new RevealDraw(again), Operator);
        Assert.Equal(Draw.Order(again, ["c1", "c2", "c4", "c5"]), run.Model.DrawState()!.Order);
        Assert.Equal(5, run.Model.RequireDefinition().Contestants.Single(c => c.Id == "c3").Order); // after the four drawn

        var first = run.Model.DrawState()!.Order![0];
        run.Do(new CallContestant(new Stage(first, "main")), Operator);
        Assert.Equal(409, run.Refused(new CommitDraw(Seed, "sealed"), Operator));
    }
}
