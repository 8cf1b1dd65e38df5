using System.Security.Cryptography;
using System.Text;
using Arena.Journal;

namespace Arena.Finals;

/// <summary>
/// Keeps a committed draw's seed secret until its reveal, in the journal itself: AES-256-GCM under a key derived from
/// the journal key, with the final's id as associated data. Why there: the seed must survive a restart or a node move
/// between commit and reveal (so not in memory), must not be readable by the auditors who read the journal before
/// the reveal (so not in clear), and Arena's only other state is the journal; the journal key is already the secret
/// every node of a cluster shares. Sealed form: base64 of nonce (12 bytes) ‖ tag (16) ‖ ciphertext.
/// </summary>
public sealed class DrawSeal(JournalSigner signer)
{
    private readonly byte[] _key = signer.DeriveKey("draw-seed");

    /// <summary>A fresh seed: 32 bytes from the operating system's cryptographic generator, as lowercase hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Seal(string finalId, string seed)
    {
        var plain = Encoding.UTF8.GetBytes(seed);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), Encoding.UTF8.GetBytes(finalId));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The seed, or a 409 when it cannot be opened (the journal key changed since the commitment).</summary>
    public string Open(string finalId, string sealedSeed)
    {
        try
        {
            var bytes = Convert.FromBase64String(sealedSeed);
            var plain = new byte[bytes.Length - 28];
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(finalId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException or ArgumentException)
        {
            throw ArenaProblem.Conflict("The committed draw's seed cannot be opened with this server's journal key; commit a new draw.");
        }
    }
}
