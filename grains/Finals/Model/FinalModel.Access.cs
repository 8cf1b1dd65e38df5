using Arena.Access;
using Arena.Journal;

namespace Arena.Finals;

// Devices: who may issue, revoke and release access codes, and the one check every command and read of a final makes
// first: a token whose code was revoked is refused (401). The revoked set is folded from the journal, so it holds on
// every node, after a restart and after the grain moved.
public sealed partial class FinalModel
{
    private readonly Dictionary<string, AccessRevoked> _revoked = new(StringComparer.Ordinal);

    public bool IsRevoked(string codeId) => _revoked.ContainsKey(codeId);

    /// <summary>Refuses a caller whose access code was revoked: 401, before any other rule.</summary>
    public void Admit(Caller caller)
    {
        if (caller.CodeId is { } id && _revoked.TryGetValue(id, out var revoked))
            throw new ArenaProblem(401, AccessProblems.RevokedTitle,
                $"Access revoked: the admin revoked this device's access code ({revoked.Reason}). Sign in with a new code.");
    }

    private Decision Issue(IssueAccess c, Caller caller)
    {
        var d = Admin(caller, "issue access codes");
        if (!AccessRoles.Issuable.Contains(c.Role))
            throw ArenaProblem.Invalid($"role must be one of {string.Join(", ", AccessRoles.Issuable)}.", [new FieldError("role", "unknown role")]);
        if (c.Role == AccessRoles.Judge && !d.Judges.Any(j => j.Id == c.Subject))
            throw ArenaProblem.Invalid($"Final {d.Id} has no judge '{c.Subject}'.", [new FieldError("subject", "not a judge of this final")]);
        if (c.Subject.Length > 100) throw ArenaProblem.Invalid("subject is too long.", [new FieldError("subject", "at most 100 characters")]);
        // Reissuing a judge's code is what the admin does for a lost tablet: the old code and its tokens stop at once.
        var changes = new List<Change> { new(StreamHeads.Final, new AccessIssued(c.CodeId, c.Role, c.Subject)) };
        changes.AddRange(c.Replaces.Where(id => !IsRevoked(id))
            .Select(id => new Change(StreamHeads.Final, new AccessRevoked(id, c.Role, c.Subject, AccessProblems.Reissued))));
        return new Decision(changes);
    }

    private Decision Revoke(RevokeAccess c, Caller caller)
    {
        Admin(caller, "revoke access codes");
        var why = FinalChecks.Reason(c.Reason);
        // Revoking twice changes nothing (a retried DELETE): the first reason stands.
        return IsRevoked(c.CodeId) ? new Decision([]) : Decision.Of(StreamHeads.Final, new AccessRevoked(c.CodeId, c.Role, c.Subject, why));
    }

    private Decision Release(ReleaseAccess c, Caller caller)
    {
        Admin(caller, "release access codes");
        var why = FinalChecks.Reason(c.Reason);
        if (IsRevoked(c.CodeId)) throw ArenaProblem.Conflict($"Code {c.CodeId} is revoked; issue a new code instead.");
        if (!c.Redeemed) throw ArenaProblem.Conflict($"Code {c.CodeId} is not signed in on any device; there is nothing to release.");
        return Decision.Of(StreamHeads.Final, new AccessReleased(c.CodeId, c.Role, c.Subject, why));
    }

    private Scoring.FinalDefinition Admin(Caller caller, string what)
    {
        var d = RequireDefinition();
        if (caller.Role != AccessRoles.Admin) throw ArenaProblem.Forbidden($"Only the admin can {what}.");
        return d;
    }

    private void ApplyAccess(object @event)
    {
        if (@event is AccessRevoked r) _revoked.TryAdd(r.CodeId, r);
        LastKind = UpdateKinds.Access;
    }
}

public static class AccessProblems
{
    /// <summary>The title of the 401 a revoked code's token gets: the pages tell it from an expired token by it.</summary>
    public const string RevokedTitle = "Access revoked";

    /// <summary>The reason journaled when a judge's new code revokes the old one.</summary>
    public const string Reissued = "reissued";
}
