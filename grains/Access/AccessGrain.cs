using System.Security.Cryptography;

namespace Arena.Access;

public sealed class AccessGrain(
    [PersistentState("access", ArenaProviders.Storage)] IPersistentState<AccessState> access,
    TimeProvider clock) : Grain, IAccessGrain
{
    // No 0/O, 1/I/L: codes are read off paper and typed on tablets. 8 of 31 symbols ≈ 40 bits; the sign-in
    // endpoint is rate limited, so guessing is hopeless.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public async Task<AccessCode> Issue(string role, string subject)
    {
        var code = new AccessCode(NewCode(), role, subject, clock.GetUtcNow());
        if (role == AccessRoles.Judge) access.State.Codes.RemoveAll(c => c.Role == role && c.Subject == subject);
        access.State.Codes.Add(code);
        await access.WriteOrRestoreAsync();
        return code;
    }

    public Task<AccessCode?> Redeem(string code)
    {
        var normalized = code.Trim().Replace("-", "").ToUpperInvariant();
        return Task.FromResult(access.State.Codes.FirstOrDefault(c =>
            CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(c.Code), System.Text.Encoding.ASCII.GetBytes(normalized))));
    }

    public Task<IReadOnlyList<AccessCode>> List() => Task.FromResult<IReadOnlyList<AccessCode>>(access.State.Codes.ToList());

    private static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 8);
}

[GenerateSerializer]
public sealed class AccessState
{
    [Id(0)] public List<AccessCode> Codes { get; set; } = [];
}
