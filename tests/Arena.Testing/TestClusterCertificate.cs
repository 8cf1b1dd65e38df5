using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Arena.Testing;

/// <summary>
/// The certificate the nodes of a test cluster share for their mutual TLS (<c>Arena:ClusterCertificate</c>), made
/// once per test process as an organiser's <c>cluster-certificate</c> command would: RSA, server and client
/// authentication.
/// </summary>
public static class TestClusterCertificate
{
    private static readonly Lazy<string> Made = new(() => Write(Create()));

    /// <summary>The PKCS#12 file every node of a test cluster is given.</summary>
    public static string File => Made.Value;

    /// <summary>Another certificate of the same kind: a stranger's, which the nodes must refuse.</summary>
    public static X509Certificate2 Stranger() => X509CertificateLoader.LoadPkcs12(Create().Export(X509ContentType.Pkcs12), null);

    public static X509Certificate2 Load() => X509CertificateLoader.LoadPkcs12FromFile(File, null);

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048); // RSA: the certificate also encrypts the cluster's key ring (a test need not pay for 3072)
        var request = new CertificateRequest("CN=arena-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static string Write(X509Certificate2 certificate)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("arena-cluster-cert-").FullName, "cluster.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
