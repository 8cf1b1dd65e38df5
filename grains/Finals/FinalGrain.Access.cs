using Arena.Access;

namespace Arena.Finals;

// Devices: the access codes of the final. The model decides and the journal records what happened to a code (no
// secrets); the access grain then keeps the secret and the device. The journal is written first: should the access
// grain fail after it, the code is already refused wherever it is used, and the admin's retry completes it.
public sealed partial class FinalGrain
{
    private IAccessGrain Access => grains.GetGrain<IAccessGrain>(this.GetPrimaryKeyString());

    public async Task<AccessCode> IssueAccess(string role, string subject, Caller caller)
    {
        var replaces = role == AccessRoles.Judge
            ? (await Access.List()).Where(c => c.Role == role && c.Subject == subject && c.Revoked is null).Select(c => c.Id).ToList()
            : [];
        var id = AccessIds.New();
        await Handle(new IssueAccess(id, role, subject, replaces), caller);
        return await Access.Issue(id, role, subject, replaces);
    }

    public async Task RevokeAccess(string codeId, string reason, Caller caller)
    {
        var code = await Known(codeId, caller);
        await Handle(new RevokeAccess(code.Id, code.Role, code.Subject, reason), caller);
        await Access.Revoke(code.Id, reason.Trim());
    }

    public async Task ReleaseAccess(string codeId, string reason, Caller caller)
    {
        var code = await Known(codeId, caller);
        await Handle(new ReleaseAccess(code.Id, code.Role, code.Subject, code.Device is not null, reason), caller);
        await Access.Release(code.Id);
    }

    private async Task<AccessCode> Known(string codeId, Caller caller)
    {
        _model.RequireDefinition();
        _model.Admit(caller);
        if (caller.Role != AccessRoles.Admin) throw ArenaProblem.Forbidden("Only the admin can manage access codes.");
        return await Access.Find(codeId) ?? throw ArenaProblem.NotFound($"Final {_model.FinalId} has no access code '{codeId}'.");
    }
}
