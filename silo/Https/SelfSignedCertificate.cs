using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Arena.Silo.Https;

/// <summary>
/// <c>Arena:Https=self-signed</c>: a certificate of the node's own, made at the first start for every name and address
/// the tablets may use (localhost, the machine's name, each LAN address), kept in the data folder (<c>https.pfx</c>,
/// readable by the server's user only) and used again at every start, so that a tablet that trusted it once keeps
/// trusting it. Its SHA-256 fingerprint is printed so that a person can compare it with what a tablet shows.
/// </summary>
public sealed class SelfSignedCertificate
{
    public const string FileName = "https.pfx";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(825); // the longest a browser accepts for a server certificate

    private SelfSignedCertificate(X509Certificate2 certificate, string path, bool created, IReadOnlyList<string> missing) =>
        (Certificate, Path, Created, Missing) = (certificate, path, created, missing);

    public X509Certificate2 Certificate { get; }
    public string Path { get; }
    public bool Created { get; }
    /// <summary>Addresses this machine has now that the kept certificate does not name (it moved to another network).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>The SHA-256 fingerprint as browsers show it: upper-case hex pairs separated by colons.</summary>
    public string Fingerprint => Fingerprint256(Certificate);

    public static string Fingerprint256(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2")));

    /// <summary>The kept certificate, or a new one for the names and addresses of this machine now.</summary>
    public static SelfSignedCertificate LoadOrCreate(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = System.IO.Path.Combine(dataDir, FileName);
        var names = Names();
        if (File.Exists(path))
        {
            var kept = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
            var named = SubjectAlternativeNames(kept);
            return new SelfSignedCertificate(kept, path, false, [.. names.Where(n => !named.Contains(n))]);
        }
        var certificate = Create(names, DateTimeOffset.UtcNow);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, certificate.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path);
        return new SelfSignedCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable), path, true, []);
    }

    /// <summary>A server certificate (ECDSA P-256, TLS server authentication) naming every DNS name and IP address given.</summary>
    public static X509Certificate2 Create(IReadOnlyList<string> names, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Arena ({Dns.GetHostName()})", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip);
            else san.AddDnsName(name);
        }
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now + Lifetime);
    }

    /// <summary>localhost, this machine's name and every address of its interfaces that are up (loopback included).</summary>
    public static IReadOnlyList<string> Names()
    {
        var names = new List<string> { "localhost", Dns.GetHostName() };
        names.AddRange(NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up || n.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork || (a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal))
            .Select(a => a.ToString()));
        names.Add("127.0.0.1");
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static HashSet<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            foreach (var dns in extension.EnumerateDnsNames()) named.Add(dns);
            foreach (var ip in extension.EnumerateIPAddresses()) named.Add(ip.ToString());
        }
        return named;
    }
}
