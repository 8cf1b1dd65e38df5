using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// Withdrawals and no-shows (弃权 / 缺席): the admin or the chief judge takes a contestant out of the ranking and the
// awards, with a reason, and may take it back until publication. Their sheets stay in their stream and do not count;
// nobody can score them, call them to the stage or wait for them to complete while they are out.
public sealed partial class FinalModel
{
    /// <summary>The withdrawal in effect for this contestant, or null.</summary>
    public ContestantWithdrawn? Withdrawal(string contestant) => Contestant(contestant)?.Withdrawal;

    public bool IsWithdrawn(string contestant) => Withdrawal(contestant) is not null;

    /// <summary>Every contestant out of the final now, in running order.</summary>
    public IReadOnlyList<WithdrawalView> Withdrawals() =>
        [.. RequireDefinition().Contestants.OrderBy(c => c.Order)
            .Where(c => IsWithdrawn(c.Id))
            .Select(c => new WithdrawalView(c.Id, Withdrawal(c.Id)!.Kind, Withdrawal(c.Id)!.Reason))];

    private Decision Withdraw(WithdrawContestant c, Caller caller)
    {
        var d = AdminOrChief(caller);
        FinalChecks.Contestant(d, c.Contestant);
        var kind = c.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !WithdrawalKinds.All.Contains(kind))
            throw ArenaProblem.Invalid($"kind must be one of {string.Join(", ", WithdrawalKinds.All)}.", [new FieldError("kind", "withdrawn or absent")]);
        var why = FinalChecks.Reason(c.Reason);
        FinalChecks.NotPublished(Published);
        if (Withdrawal(c.Contestant) is { } earlier)
            throw ArenaProblem.Conflict($"Contestant {c.Contestant} is already out of the final ({earlier.Kind}: {earlier.Reason}); undo that first.");
        return Decision.Of(StreamHeads.Of(c.Contestant), new ContestantWithdrawn(kind, why));
    }

    private Decision Undo(UndoWithdrawal c, Caller caller)
    {
        var d = AdminOrChief(caller);
        FinalChecks.Contestant(d, c.Contestant);
        var why = FinalChecks.Reason(c.Reason);
        FinalChecks.NotPublished(Published);
        if (!IsWithdrawn(c.Contestant)) throw ArenaProblem.Conflict($"Contestant {c.Contestant} has not withdrawn; there is nothing to undo.");
        return Decision.Of(StreamHeads.Of(c.Contestant), new WithdrawalUndone(why));
    }

    /// <summary>A withdrawn contestant is on nobody's list: not scored, not called.</summary>
    private void NotWithdrawn(string contestant, string doing)
    {
        if (Withdrawal(contestant) is { } w)
            throw ArenaProblem.Conflict($"Contestant {contestant} is {(w.Kind == WithdrawalKinds.Absent ? "absent (缺席)" : "withdrawn (弃权)")}: {doing}.");
    }

    private FinalDefinition AdminOrChief(Caller caller)
    {
        var d = RequireDefinition();
        if (caller.Role != "admin" && !caller.IsChiefOf(d))
            throw ArenaProblem.Forbidden("Only the admin or the chief judge can withdraw a contestant or undo it.");
        return d;
    }
}
