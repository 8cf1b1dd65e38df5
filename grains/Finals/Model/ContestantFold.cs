using Arena.Contestants;

namespace Arena.Finals;

/// <summary>One contestant's stream folded: every submission (for idempotency), the sheet in effect per round and
/// judge, the reopened ones, adjustments, closures and a withdrawal.</summary>
public sealed class ContestantFold
{
    /// <summary>Keyed by judge and submission id: a judge's ids are their own, so no judge can pre-empt another's (predictable) id.</summary>
    public Dictionary<(string Judge, string SubmissionId), SheetSubmitted> BySubmission { get; } = [];
    public Dictionary<(string Round, string Judge), SheetSubmitted> Current { get; } = [];
    public Dictionary<(string Round, string Judge), SheetReopened> Reopened { get; } = [];
    public List<AdjustmentApplied> Adjustments { get; } = [];
    public List<RoundClosed> Closures { get; } = [];
    /// <summary>The audience's exact count per round (its voting window closed).</summary>
    public Dictionary<string, VotesCounted> Votes { get; } = [];
    /// <summary>The withdrawal in effect (null: the contestant is in the final).</summary>
    public ContestantWithdrawn? Withdrawal { get; private set; }

    public void Apply(object @event)
    {
        switch (@event)
        {
            case SheetSubmitted s:
                BySubmission[(s.Judge, s.SubmissionId)] = s;
                Current[(s.Round, s.Judge)] = s;
                Reopened.Remove((s.Round, s.Judge));
                break;
            case SheetReopened r:
                Current.Remove((r.Round, r.Judge));
                Reopened[(r.Round, r.Judge)] = r;
                break;
            case AdjustmentApplied a: Adjustments.Add(a); break;
            case RoundClosed c: Closures.Add(c); break;
            case VotesCounted v: Votes[v.Round] = v; break;
            case ContestantWithdrawn w: Withdrawal = w; break;
            case WithdrawalUndone: Withdrawal = null; break;
        }
    }
}
