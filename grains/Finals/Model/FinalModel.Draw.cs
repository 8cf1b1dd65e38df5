using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// The public draw (抽签): a commitment shown first, then the seed and the order it gives (Scoring/Draw.cs). The revealed
// order becomes the contestants' `order` in the definition the whole final reads (the operator's next, the judges'
// picker, the screen, the tie order of the standings). A draw, and a redraw after a withdrawal, is possible until the
// first contestant is called: from then on the running order is what the hall has seen.
public sealed partial class FinalModel
{
    /// <summary>The committed draw waiting for its reveal (its seed sealed), or null.</summary>
    public DrawCommitted? PendingDraw { get; private set; }
    /// <summary>The last draw revealed and the journal sequence number of its reveal.</summary>
    public (DrawRevealed Draw, long Seq)? LastDraw { get; private set; }

    public DrawView? DrawState() =>
        PendingDraw is { } p ? new DrawView("committed", p.Commitment, null, null, Seq)
        : LastDraw is var (r, at) ? new DrawView("revealed", r.Commitment, r.Seed, r.Order, at)
        : null;

    private Decision CommitTheDraw(CommitDraw c, Caller caller)
    {
        DrawRunner(caller);
        if (PendingDraw is not null)
            throw ArenaProblem.Conflict("A draw is committed and not revealed yet; reveal it (its commitment is on the screens) before drawing again.");
        if (!Draw.IsSeed(c.Seed)) throw new ArgumentException("a draw seed is 64 lowercase hex characters", nameof(c));
        return Decision.Of(StreamHeads.Final, new DrawCommitted(Draw.Commitment(c.Seed), c.SealedSeed));
    }

    private Decision RevealTheDraw(RevealDraw c, Caller caller)
    {
        var d = DrawRunner(caller);
        var pending = PendingDraw ?? throw ArenaProblem.Conflict("There is no committed draw to reveal; commit one first (POST …/draw/commit).");
        if (!Draw.IsSeed(c.Seed) || Draw.Commitment(c.Seed) != pending.Commitment)
            throw ArenaProblem.Conflict("The sealed seed does not match its commitment (was the journal key changed?); commit a new draw.");
        var order = Draw.Order(c.Seed, d.Contestants.Where(x => !IsWithdrawn(x.Id)).Select(x => x.Id));
        return Decision.Of(StreamHeads.Final, new DrawRevealed(pending.Commitment, c.Seed, order));
    }

    /// <summary>The draw is the admin's or the operator's, before the show starts and before publication.</summary>
    private FinalDefinition DrawRunner(Caller caller)
    {
        var d = RequireDefinition();
        if (caller.Role is not ("admin" or "operator")) throw ArenaProblem.Forbidden("Only the admin or the operator can run the draw.");
        FinalChecks.NotPublished(Published);
        if (Stage is not null || HasScores)
            throw ArenaProblem.Conflict("The running order cannot be drawn any more: a contestant has already been called to the stage or scored.");
        return d;
    }

    /// <summary>The drawn contestants take orders 1…n; those left out (withdrawn) follow in their previous order.</summary>
    private void ApplyDraw(DrawRevealed r)
    {
        var d = RequireDefinition();
        var position = r.Order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i + 1, StringComparer.Ordinal);
        var rest = d.Contestants.Where(c => !position.ContainsKey(c.Id)).OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < rest.Count; i++) position[rest[i].Id] = r.Order.Count + i + 1;
        Definition = d with { Contestants = [.. d.Contestants.Select(c => c with { Order = position[c.Id] })] };
        RebuildStandings();
    }

    /// <summary>The standings again from the folds, after the definition changed (the tie order follows `order`).</summary>
    private void RebuildStandings() => _standings = Rescore(RequireDefinition());
}
