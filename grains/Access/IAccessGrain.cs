namespace Arena.Access;

/// <summary>
/// The access codes of one final (key: the final id): the secrets, and which device each code signed in. Codes are kept
/// apart from the journal: the journal is readable by auditors, codes are secrets. What happens to a code (issued,
/// revoked, released) is decided and journaled by the final grain, which then tells this grain.
/// </summary>
public interface IAccessGrain : IGrainWithStringKey
{
    /// <summary>Stores a new code under <paramref name="id"/>; the codes named in <paramref name="replaces"/> are revoked (a judge's lost tablet).</summary>
    Task<AccessCode> Issue(string id, string role, string subject, IReadOnlyList<string> replaces);

    /// <summary>
    /// Signs a device in: the grant behind a code, pinned to the first device that redeems it. 401 when the code is
    /// unknown or revoked; 409 when another device holds it (until the admin releases it).
    /// </summary>
    Task<AccessCode> Redeem(string code, string device);

    /// <summary>The code with this id, or null.</summary>
    Task<AccessCode?> Find(string id);

    /// <summary>Marks the code revoked: it signs nothing in any more, and its secret is forgotten.</summary>
    Task Revoke(string id, string reason);

    /// <summary>Unpins the code from its device: the next device to redeem it is let in.</summary>
    Task Release(string id);

    Task<IReadOnlyList<AccessCode>> List();
}

/// <summary>
/// One code. <see cref="Id"/> is a short random name (not derived from the secret) carried in the tokens it signs;
/// <see cref="Device"/> is the device that redeemed it (a random id each browser keeps; "" for a client that sends none).
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.access-code")]
public sealed record AccessCode(
    [property: Id(0)] string Code,
    [property: Id(1)] string Role,
    [property: Id(2)] string Subject,
    [property: Id(3)] DateTimeOffset Issued,
    [property: Id(4)] string Id = "",
    [property: Id(5)] string? Device = null,
    [property: Id(6)] DateTimeOffset? Redeemed = null,
    [property: Id(7)] DateTimeOffset? Revoked = null,
    [property: Id(8)] string? RevokedReason = null)
{
    public string State => Revoked is not null ? AccessStates.Revoked : Device is not null ? AccessStates.Redeemed : AccessStates.Issued;
}

public static class AccessStates
{
    public const string Issued = "issued";
    public const string Redeemed = "redeemed";
    public const string Revoked = "revoked";
}

public static class AccessRoles
{
    public const string Judge = "judge";
    public const string Screen = "screen";
    public const string Auditor = "auditor";
    public const string Operator = "operator";
    public const string Admin = "admin";
    /// <summary>监督: reads what an auditor reads, and confirms or refuses the chief judge's adjustments and publication
    /// in a final that requires sign-off. Nothing else.</summary>
    public const string Supervisor = "supervisor";
    public static readonly IReadOnlyList<string> Issuable = [Judge, Screen, Auditor, Operator, Supervisor];
}
