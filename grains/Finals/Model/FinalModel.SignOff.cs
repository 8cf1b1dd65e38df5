using Arena.Access;
using Arena.Contestants;
using Arena.Journal;

namespace Arena.Finals;

// Two-person sign-off (definition `signOff: true`): the chief judge's adjustments and publication are proposals that
// count for nothing until a supervisor (监督) confirms them; a supervisor can also refuse, and does nothing else. Each
// proposal and answer is an event with its actor, time and reason. An adjustment's proposal and answer live on the
// contestant's stream (one write: a confirmation cannot be stored without the adjustment it applies, nor twice), the
// publication's on the final's.
public sealed partial class FinalModel
{
    private readonly Dictionary<string, SignOffItem> _pending = new(StringComparer.Ordinal);
    private readonly List<SignOffAnswer> _answered = [];

    public bool RequiresSignOff => Definition?.SignOff == true;

    public SignOffView SignOffView() => new(RequiresSignOff, [.. _pending.Values], [.. _answered]);

    // The journal sequence number the proposal's event will get: unique, and the same on every replay.
    private string NextProposal() => $"p{Seq + 1}";

    private Decision ProposeAdjustment(string contestant, string? round, decimal points, string reason) =>
        Decision.Of(StreamHeads.Of(contestant), new AdjustmentProposed(NextProposal(), round, points, reason));

    private Decision ProposePublication()
    {
        if (_pending.Values.Any(p => p.Kind == SignOffKinds.Adjustment))
            throw ArenaProblem.Conflict("Adjustments are waiting for a supervisor's confirmation: they must be confirmed or refused before publication is asked for.");
        return Decision.Of(StreamHeads.Final, new PublicationProposed(NextProposal(), ScoresDigest()));
    }

    private Decision Confirm(ConfirmSignOff c, Caller caller)
    {
        var item = Answerable(c.Proposal, caller);
        var why = FinalChecks.Reason(c.Reason);
        if (item.Kind == SignOffKinds.Adjustment)
            return Decision.Of(StreamHeads.Of(item.Contestant!), new AdjustmentApplied(item.Round, item.Points!.Value, item.Reason, item.Proposal, why));
        if (item.Digest != ScoresDigest() || item.DefinitionVersion != DefinitionVersion)
            throw ArenaProblem.Conflict("The results changed since the chief judge asked to publish them (a sheet, an adjustment, a withdrawal or the definition): the chief judge must ask again.");
        var publish = Publish(caller, asChief: false);
        return new Decision([new Change(StreamHeads.Final, new PublicationConfirmed(item.Proposal, why)), .. publish.Changes]);
    }

    private Decision Refuse(RefuseSignOff c, Caller caller)
    {
        var item = Answerable(c.Proposal, caller);
        var why = FinalChecks.Reason(c.Reason);
        return item.Kind == SignOffKinds.Adjustment
            ? Decision.Of(StreamHeads.Of(item.Contestant!), new AdjustmentRefused(item.Proposal, why))
            : Decision.Of(StreamHeads.Final, new PublicationRefused(item.Proposal, why));
    }

    private SignOffItem Answerable(string proposal, Caller caller)
    {
        RequireDefinition();
        if (caller.Role != AccessRoles.Supervisor)
            throw ArenaProblem.Forbidden("Only a supervisor (监督) confirms or refuses what the chief judge asked: a second person, not the chief or the admin.");
        if (!RequiresSignOff) throw ArenaProblem.Conflict("This final does not require sign-off: the chief judge's adjustments and publication take effect at once.");
        FinalChecks.NotPublished(Published);
        return _pending.GetValueOrDefault(proposal ?? "")
            ?? throw ArenaProblem.NotFound($"Nothing is waiting for sign-off under '{proposal}' (it was answered already, or never asked).");
    }

    /// <summary>The heads of the contestants' streams, where every score lives: unchanged means the same results.</summary>
    private string ScoresDigest() =>
        StreamHeads.Digest([.. _heads.Values.Where(h => h.Stream != StreamHeads.Final).OrderBy(h => h.Stream, StringComparer.Ordinal)]);

    /// <summary>Folds the sign-off events (called for every event, after the rest of the fold).</summary>
    private void ApplySignOff(JournalEntry entry, object @event, string? contestant)
    {
        switch (@event)
        {
            case AdjustmentProposed p:
                _pending[p.Proposal] = new SignOffItem(p.Proposal, SignOffKinds.Adjustment, contestant, p.Round, p.Points, p.Reason, entry.Actor, entry.At, null, null);
                LastKind = UpdateKinds.Standings;
                break;
            case AdjustmentApplied { Proposal: { } id } a:
                Answer(id, true, a.Note ?? "", entry);
                break;
            case AdjustmentRefused r:
                Answer(r.Proposal, false, r.Reason, entry);
                LastKind = UpdateKinds.Standings;
                break;
            case PublicationProposed p:
                foreach (var earlier in _pending.Values.Where(x => x.Kind == SignOffKinds.Publication).Select(x => x.Proposal).ToList()) _pending.Remove(earlier);
                _pending[p.Proposal] = new SignOffItem(p.Proposal, SignOffKinds.Publication, null, null, null, "", entry.Actor, entry.At, p.Digest, DefinitionVersion);
                LastKind = UpdateKinds.Standings;
                break;
            case PublicationConfirmed c:
                Answer(c.Proposal, true, c.Reason, entry);
                break;
            case PublicationRefused r:
                Answer(r.Proposal, false, r.Reason, entry);
                LastKind = UpdateKinds.Standings;
                break;
        }
    }

    private void Answer(string proposal, bool confirmed, string reason, JournalEntry entry)
    {
        if (!_pending.Remove(proposal, out var item)) return;
        _answered.Add(new SignOffAnswer(item, confirmed, reason, entry.Actor, entry.At));
    }
}

public static class SignOffKinds
{
    public const string Adjustment = "adjustment";
    public const string Publication = "publication";
}
