using System.Security.Cryptography;
using System.Text;

namespace Arena.Journal;

/// <summary>Checks the signature of an entry's hash: the server's own HMAC key, or the public key of an exported bundle.</summary>
public interface ISignatureCheck
{
    /// <summary>A short public name of the key (never the key): lets an auditor tell which key signed.</summary>
    string KeyId { get; }

    bool Verify(string hash, string signature);
}

/// <summary>
/// Signs each journal entry's hash with HMAC-SHA256 under a key kept outside the database (a file of the data folder
/// on a single node, <c>Arena:JournalKey</c> in a cluster). A hash chain alone can be recomputed by whoever rewrites
/// the rows; a signature cannot be without the key, so an edited or inserted event fails verification.
/// <para>
/// HMAC needs the secret to check, so an exported bundle is signed again, entry by entry, with an ECDSA P-256 key
/// (ES256) whose public half travels in the bundle and whose fingerprint is printed with the results: anyone can check
/// it offline. The score path keeps HMAC: ES256 costs about 100 µs per signature on this machine against 6 µs
/// (measured), and a bundle is exported a few times per final, not on every sheet. The ES256 key is derived from the
/// journal key, so there is still one secret to keep and back up.
/// </para>
/// </summary>
public sealed class JournalSigner : ISignatureCheck
{
    private readonly byte[] _key;
    private readonly Lazy<ECDsa> _exportKey;

    public JournalSigner(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("A journal key has at least 32 bytes.", nameof(key));
        _key = key;
        _exportKey = new Lazy<ECDsa>(DeriveExportKey);
    }

    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(_key))[..16];

    public string Sign(string hash) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(hash)));

    /// <summary>A key of its own for another purpose (e.g. sealing the draw's seed), derived from the journal key: whoever
    /// holds the journal key can already sign events, so it adds no one to those who can read what it protects.</summary>
    public byte[] DeriveKey(string purpose) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("arena-derived-key\n" + purpose));

    public bool Verify(string hash, string signature) =>
        signature.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(hash)), Encoding.ASCII.GetBytes(signature));

    /// <summary>The public half of the export key (SubjectPublicKeyInfo, base64).</summary>
    public string ExportPublicKey => Convert.ToBase64String(_exportKey.Value.ExportSubjectPublicKeyInfo());

    /// <summary>ES256 over the entry's hash (its UTF-8 hex text), base64 of r‖s.</summary>
    public string SignForExport(string hash)
    {
        lock (_exportKey) return Convert.ToBase64String(_exportKey.Value.SignData(Encoding.UTF8.GetBytes(hash), HashAlgorithmName.SHA256));
    }

    // The private scalar is a key derived for this purpose (DeriveKey); a value outside [1, n-1] (odds about 2^-32)
    // takes the next label.
    private ECDsa DeriveExportKey()
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = DeriveKey($"export-key-v1/{attempt}") }); }
            catch (CryptographicException) when (attempt < 8) { }
        }
    }
}

/// <summary>Checks ES256 export signatures with a public key alone: what the offline verifier has.</summary>
public sealed class ExportKeyCheck : ISignatureCheck
{
    private readonly ECDsa _key = ECDsa.Create();

    public ExportKeyCheck(string publicKeyBase64)
    {
        var spki = Convert.FromBase64String(publicKeyBase64);
        _key.ImportSubjectPublicKeyInfo(spki, out _);
        KeyId = Fingerprint(publicKeyBase64);
    }

    public string KeyId { get; }

    /// <summary>The fingerprint printed with the results: the first 16 hex digits of SHA-256 over the public key.</summary>
    public static string Fingerprint(string publicKeyBase64) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKeyBase64)))[..16];

    public bool Verify(string hash, string signature)
    {
        Span<byte> sig = stackalloc byte[96];
        return Convert.TryFromBase64String(signature, sig, out var n) && n == 64
            && _key.VerifyData(Encoding.UTF8.GetBytes(hash), sig[..n], HashAlgorithmName.SHA256);
    }
}
