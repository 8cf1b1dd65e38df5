using System.Security.Claims;
using Arena.Access;
using Arena.Finals;

namespace Arena.Web.Auth;

/// <summary>Role and assignment checks on the caller of a request, as the contract names them.</summary>
public static class CallerAccess
{
    public static Caller Caller(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(Tokens.RoleClaim) ?? "", user.FindFirstValue(Tokens.SubjectClaim) ?? "", user.FindFirstValue(Tokens.CodeClaim));

    /// <summary>The caller must hold one of <paramref name="roles"/> for this final (the admin holds every final). A
    /// supervisor (监督) reads whatever an auditor reads: where the auditor is let in, so are they.</summary>
    public static Caller For(this ClaimsPrincipal user, string finalId, params string[] roles)
    {
        var caller = user.Caller();
        if (!roles.Contains(caller.Role) && !(caller.Role == AccessRoles.Supervisor && roles.Contains(AccessRoles.Auditor)))
            throw ArenaProblem.Forbidden($"The {Describe(caller.Role)} role cannot do this.");
        if (caller.Role != AccessRoles.Admin && user.FindFirstValue(Tokens.FinalClaim) != finalId)
            throw ArenaProblem.Forbidden("This token is for another final.");
        return caller;
    }

    public static void RequireAdmin(this ClaimsPrincipal user)
    {
        if (user.Caller().Role != AccessRoles.Admin) throw ArenaProblem.Forbidden("Only the admin can do this.");
    }

    private static string Describe(string role) => role.Length == 0 ? "anonymous" : role;
}
