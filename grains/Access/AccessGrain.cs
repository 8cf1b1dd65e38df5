using System.Security.Cryptography;
using System.Text;

namespace Arena.Access;

public sealed class AccessGrain(
    [PersistentState("access", ArenaProviders.Storage)] IPersistentState<AccessState> access,
    TimeProvider clock) : Grain, IAccessGrain
{
    // No 0/O, 1/I/L: codes are read off paper and typed on tablets. 8 of 31 symbols ≈ 40 bits; the sign-in
    // endpoint is rate limited, so guessing is hopeless.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private List<AccessCode> Codes => access.State.Codes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Codes stored before codes had ids get one now, once: a token can then carry it and the admin can revoke it.
        if (Codes.Any(c => string.IsNullOrEmpty(c.Id)))
        {
            access.State.Codes = [.. Codes.Select(c => string.IsNullOrEmpty(c.Id) ? c with { Id = AccessIds.New() } : c)];
            await access.WriteOrRestoreAsync();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<AccessCode> Issue(string id, string role, string subject, IReadOnlyList<string> replaces)
    {
        var now = clock.GetUtcNow();
        foreach (var old in replaces) Replace(old, c => Revoke(c, now, "reissued"));
        var code = new AccessCode(RandomNumberGenerator.GetString(Alphabet, 8), role, subject, now, id);
        Codes.Add(code);
        await access.WriteOrRestoreAsync();
        return code;
    }

    public async Task<AccessCode> Redeem(string code, string device)
    {
        var typed = Encoding.ASCII.GetBytes(code.Trim().Replace("-", "").ToUpperInvariant());
        var grant = Codes.FirstOrDefault(c => c.Revoked is null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c.Code), typed))
            ?? throw new ArenaProblem(401, "Unauthorized", "This code is not valid for this final (wrong, revoked, or replaced by a newer one).");
        if (grant.Device == device) return grant;
        if (grant.Device is not null)
            throw ArenaProblem.Conflict("This code is already signed in on another device. If this device replaces it, ask the admin to release the code (admin page, Devices).");
        var redeemed = grant with { Device = device, Redeemed = clock.GetUtcNow() };
        Replace(grant.Id, _ => redeemed);
        await access.WriteOrRestoreAsync();
        return redeemed;
    }

    public Task<AccessCode?> Find(string id) => Task.FromResult(Codes.FirstOrDefault(c => c.Id == id));

    public async Task Revoke(string id, string reason)
    {
        if (Replace(id, c => c.Revoked is null ? Revoke(c, clock.GetUtcNow(), reason) : c)) await access.WriteOrRestoreAsync();
    }

    public async Task Release(string id)
    {
        if (Replace(id, c => c with { Device = null, Redeemed = null })) await access.WriteOrRestoreAsync();
    }

    public Task<IReadOnlyList<AccessCode>> List() => Task.FromResult<IReadOnlyList<AccessCode>>(Codes.ToList());

    // A revoked code keeps its id, role, subject and times for the admin's list; its secret is dropped.
    private static AccessCode Revoke(AccessCode c, DateTimeOffset now, string reason) => c with { Code = "", Revoked = now, RevokedReason = reason };

    private bool Replace(string id, Func<AccessCode, AccessCode> change)
    {
        var i = Codes.FindIndex(c => c.Id == id);
        if (i < 0) return false;
        var changed = change(Codes[i]);
        if (changed == Codes[i]) return false;
        Codes[i] = changed;
        return true;
    }
}

public static class AccessIds
{
    /// <summary>A code's public name: random, not derived from the secret (it shows in tokens, the journal and the admin's list).</summary>
    public static string New() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 8);
}

[GenerateSerializer]
public sealed class AccessState
{
    [Id(0)] public List<AccessCode> Codes { get; set; } = [];
}
