using System.Security.Cryptography;
using System.Text;

namespace Arena.Journal;

/// <summary>
/// Signs each journal entry's hash with HMAC-SHA256 under a key kept outside the database (a file of the data folder
/// on a single node, <c>Arena:JournalKey</c> in a cluster). A hash chain alone can be recomputed by whoever rewrites
/// the rows; a signature cannot be without the key, so an edited or inserted event fails verification.
/// </summary>
public sealed class JournalSigner
{
    private readonly byte[] _key;

    public JournalSigner(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("A journal key has at least 32 bytes.", nameof(key));
        _key = key;
    }

    /// <summary>A short public name of the key (not the key): lets an auditor tell which key signed a journal.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(_key))[..16];

    public string Sign(string hash) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(hash)));

    /// <summary>A key of its own for another purpose (e.g. sealing the draw's seed), derived from the journal key: whoever
    /// holds the journal key can already sign events, so it adds no one to those who can read what it protects.</summary>
    public byte[] DeriveKey(string purpose) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("arena-derived-key\n" + purpose));

    public bool Verify(string hash, string signature) =>
        signature.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(hash)), Encoding.ASCII.GetBytes(signature));
}
