namespace Arena.Access;

/// <summary>
/// The access codes of one final (key: the final id). The admin issues a code per role and subject; a device signs
/// in with it. Codes are kept apart from the journal: the journal is readable by auditors, codes are secrets.
/// </summary>
public interface IAccessGrain : IGrainWithStringKey
{
    /// <summary>Issues a new code. A judge's new code replaces their previous one (a lost tablet).</summary>
    Task<AccessCode> Issue(string role, string subject);

    /// <summary>The grant behind a code, or null when the code is unknown or replaced.</summary>
    Task<AccessCode?> Redeem(string code);

    Task<IReadOnlyList<AccessCode>> List();
}

[GenerateSerializer, Immutable, Alias("arena.access-code")]
public sealed record AccessCode([property: Id(0)] string Code, [property: Id(1)] string Role, [property: Id(2)] string Subject, [property: Id(3)] DateTimeOffset Issued);

public static class AccessRoles
{
    public const string Judge = "judge";
    public const string Screen = "screen";
    public const string Auditor = "auditor";
    public const string Operator = "operator";
    public const string Admin = "admin";
    public static readonly IReadOnlyList<string> Issuable = [Judge, Screen, Auditor, Operator];
}
