using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Arena.Web.Auth;

/// <summary>Signed bearer tokens: a role, the final it is for (none for the admin), a subject (a judge id, …) and the access code's id.</summary>
public sealed class Tokens(ArenaKeys keys, TimeProvider clock)
{
    public const string Issuer = "arena";
    public const string RoleClaim = "role";
    public const string FinalClaim = "final";
    public const string SubjectClaim = "sub";
    /// <summary>The id of the access code that signed the token in (none for the admin): what revocation refuses.</summary>
    public const string CodeClaim = "cid";

    // A final day is long; a device signs in again with its code when its token runs out.
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public SymmetricSecurityKey Key { get; } = new(keys.SigningKey) { KeyId = "arena" };

    public string Issue(string role, string? final, string subject, string? codeId = null)
    {
        var claims = new List<Claim> { new(RoleClaim, role), new(SubjectClaim, subject) };
        if (final is not null) claims.Add(new Claim(FinalClaim, final));
        if (codeId is not null) claims.Add(new Claim(CodeClaim, codeId));
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
