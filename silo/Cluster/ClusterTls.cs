using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Arena.Silo.Cluster;

/// <summary>
/// Node-to-node traffic of a cluster (the silo port) over mutual TLS: every node holds the same certificate
/// (<c>Arena:ClusterCertificate</c>, a PKCS#12 file; <c>Arena:ClusterCertificatePassword</c> if it has one), presents it
/// and accepts a peer only when the peer presents exactly that certificate (pinned by its SHA-256 hash, so no CA is
/// needed and no other certificate a CA issued gets in). Without it, anyone on the nodes' network could join the
/// cluster or call grains past every check of the web surface. A PostgreSQL cluster does not start without it; a
/// single node has no peers and no TLS on its silo port. Make one with <c>Arena.Silo cluster-certificate FILE</c>.
/// </summary>
public static class ClusterTls
{
    private const string TargetHost = "arena-cluster";

    public static ISiloBuilder AddArenaClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (!Storage.ArenaClusteringExtensions.IsPostgres(configuration)) return silo;
        var certificate = Load(configuration);
        var pinned = certificate.GetCertHash(HashAlgorithmName.SHA256);
        return silo.UseTls(certificate, o =>
        {
            o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            // Self-signed, so the platform's chain check fails by design: the pin is the check.
            o.RemoteCertificateValidation = (remote, _, _) => CryptographicOperations.FixedTimeEquals(remote.GetCertHash(HashAlgorithmName.SHA256), pinned);
            o.OnAuthenticateAsClient = (_, tls) => tls.TargetHost = TargetHost;
        });
    }

    public static X509Certificate2 Load(IConfiguration configuration)
    {
        if (configuration["Arena:ClusterCertificate"] is not { Length: > 0 } path)
            throw new InvalidOperationException("Arena:Cluster=Postgres needs Arena:ClusterCertificate: the same certificate file (PKCS#12) on every node, " +
                "so that node-to-node traffic is encrypted and only the nodes get in. Make one with: dotnet run --project silo -- cluster-certificate cluster.pfx");
        X509Certificate2 certificate;
        try { certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Arena:ClusterCertificatePassword"]); }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Arena:ClusterCertificate {path} cannot be read: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"Arena:ClusterCertificate {path} holds no private key.");
        if (certificate.GetRSAPublicKey() is null)
            throw new InvalidOperationException($"Arena:ClusterCertificate {path} must have an RSA key: it also encrypts the cluster's secrets in the database (cluster-certificate makes one).");
        return certificate;
    }

    /// <summary>
    /// A certificate for a cluster's nodes: for TLS servers and clients both (each node is both), ten years. RSA 3072,
    /// not ECDSA: it also encrypts the key ring of the secrets in the database (XML encryption, <see cref="DatabaseKeyRing"/>),
    /// which takes an RSA key.
    /// </summary>
    public static X509Certificate2 Create(DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN={TargetHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(TargetHost);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }
}
