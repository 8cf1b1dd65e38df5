using System.Security.Cryptography.X509Certificates;
using Arena.Silo.Https;

namespace Arena.Silo.Cluster;

/// <summary>
/// <c>Arena.Silo cluster-certificate FILE</c>: writes a new certificate for a cluster's nodes (PKCS#12, no password,
/// readable by its owner only) and prints its SHA-256 fingerprint. Copy the file to every node and point
/// <c>Arena:ClusterCertificate</c> at it. Exit 0, or 2 when FILE exists (never overwrite a running cluster's certificate).
/// </summary>
public static class ClusterCertificateCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "cluster-certificate";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length != 2) { errors.WriteLine("usage: Arena.Silo cluster-certificate FILE"); return 2; }
        var path = Path.GetFullPath(args[1]);
        if (File.Exists(path)) { errors.WriteLine($"cluster-certificate: {path} exists; a cluster's nodes must keep the one they share"); return 2; }
        using var certificate = ClusterTls.Create(DateTimeOffset.UtcNow);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        }
        output.WriteLine($"Wrote {path}: copy it to every node, with --Arena:ClusterCertificate {path}");
        output.WriteLine($"SHA-256 fingerprint: {SelfSignedCertificate.Fingerprint256(certificate)}");
        return 0;
    }
}
