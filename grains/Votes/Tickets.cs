using System.Security.Cryptography;
using System.Text;
using Arena.Journal;

namespace Arena.Votes;

/// <summary>
/// One-time ticket codes of a final's audience vote: <c>{number}-{mac}</c>, the mac being 8 letters of HMAC-SHA256
/// under a key derived from the journal key (<see cref="JournalSigner.DeriveKey"/>) over the final and the number.
/// Nothing secret is stored: a code is checked by recomputing it, and the admin can print the same sheet again. 40 bits
/// of mac make guessing one code hopeless at the rate a server answers; a code is the voter's only once per window
/// because its number names the voter in the ballot box.
/// </summary>
public static class Tickets
{
    // Crockford's base 32: no I, L, O, U, so a code typed from paper is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Code(JournalSigner signer, string finalId, int number) => $"{number}-{Mac(signer, finalId, number)}";

    /// <summary>The ticket's number when <paramref name="code"/> is a code of this final (any case, spaces ignored); else null.</summary>
    public static int? Check(JournalSigner signer, string finalId, string? code)
    {
        if (Number(code) is not { } number) return null;
        var text = Normalise(code!);
        var given = Encoding.ASCII.GetBytes(text[(text.IndexOf('-') + 1)..]);
        var expected = Encoding.ASCII.GetBytes(Mac(signer, finalId, number));
        return CryptographicOperations.FixedTimeEquals(given, expected) ? number : null;
    }

    /// <summary>The number a code claims (before checking its mac): it picks the ballot box.</summary>
    public static int? Number(string? code)
    {
        if (code is null || code.Length > 40) return null;
        var text = Normalise(code);
        var dash = text.IndexOf('-');
        return dash > 0 && int.TryParse(text.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out var n) && n > 0 ? n : null;
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant().Replace(" ", "");

    private static string Mac(JournalSigner signer, string finalId, int number)
    {
        var mac = HMACSHA256.HashData(signer.DeriveKey("vote-tickets-v1"), Encoding.UTF8.GetBytes($"{finalId}\n{number}"));
        var bits = ((ulong)mac[0] << 32) | ((ulong)mac[1] << 24) | ((ulong)mac[2] << 16) | ((ulong)mac[3] << 8) | mac[4];
        var text = new char[8];
        for (var i = 7; i >= 0; i--, bits >>= 5) text[i] = Alphabet[(int)(bits & 31)];
        return new string(text);
    }
}

/// <summary>Who casts a ballot, and which box takes it: a ticket's number, or a device's own random id (hashed).</summary>
public static class Voters
{
    /// <summary>Ballot boxes per window: 1,000 ballots a second spread so that no box takes more than about 60.</summary>
    public const int Boxes = 16;

    public static string OfTicket(int number) => "t" + number;

    public static string OfDevice(string device) => "d" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(device)))[..32];

    /// <summary>The box of a voter: always the same one, so that the box alone can tell a second ballot.</summary>
    public static int BoxOf(string voter) => voter[0] == 't'
        ? int.Parse(voter.AsSpan(1)) % Boxes
        : Convert.ToInt32(voter.Substring(1, 6), 16) % Boxes;
}
