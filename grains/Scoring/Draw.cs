using System.Security.Cryptography;
using System.Text;

namespace Arena.Scoring;

/// <summary>
/// The public draw (抽签), recomputable by anyone with a SHA-256 tool. The seed is 32 random bytes written as 64
/// lowercase hex characters; what is shown before the draw is the commitment, the lowercase hex SHA-256 of the seed's
/// text (its UTF-8 bytes, i.e. the 64 ASCII characters, not the 32 raw bytes). At the draw the seed is revealed and
/// each contestant gets the key SHA-256(seed + ":" + contestantId), again lowercase hex of the UTF-8 text; the running
/// order is the contestants sorted by key, ascending, as plain strings (ordinal, which for lowercase hex is numeric).
/// Nobody can choose the seed after seeing the commitment, and nobody can compute the order before the seed is shown.
/// </summary>
public static class Draw
{
    public static bool IsSeed(string? seed) => seed is { Length: 64 } && seed.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Commitment(string seed) => Sha256Hex(seed);

    public static string Key(string seed, string contestantId) => Sha256Hex(seed + ":" + contestantId);

    /// <summary>The contestants in drawn order (ties, which SHA-256 makes practically impossible, by id).</summary>
    public static IReadOnlyList<string> Order(string seed, IEnumerable<string> contestantIds) =>
        [.. contestantIds.OrderBy(id => Key(seed, id), StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal)];

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
