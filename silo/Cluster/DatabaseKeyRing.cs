using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Arena.Silo.Cluster;

/// <summary>
/// ASP.NET Core Data Protection for the secrets a cluster keeps in its database: the key ring lives in PostgreSQL
/// (<c>ArenaDataProtectionKey</c>, per ServiceId, so every node reads the same keys) and every key in it is encrypted
/// with the cluster certificate (<see cref="ClusterTls"/>), which is kept outside the database. Whoever can read the
/// database then reads neither the keys nor the secrets they protect.
/// </summary>
public sealed class DatabaseKeyRing : IDisposable
{
    private const string Purpose = "Arena.ClusterSecrets";
    private readonly ServiceProvider _services;

    private DatabaseKeyRing(ServiceProvider services)
    {
        _services = services;
        Protector = services.GetDataProtector(Purpose);
    }

    public IDataProtector Protector { get; }

    public static DatabaseKeyRing Open(string connectionString, string serviceId, X509Certificate2 certificate)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection()
            .SetApplicationName("arena:" + serviceId)
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate)
            .AddKeyManagementOptions(o => o.XmlRepository = new Repository(connectionString, serviceId));
        return new DatabaseKeyRing(services.BuildServiceProvider());
    }

    public void Dispose() => _services.Dispose();

    /// <summary>One row per key of the ring (its XML, the key material encrypted with the certificate).</summary>
    private sealed class Repository(string connectionString, string serviceId) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var select = new NpgsqlCommand("SELECT Xml FROM ArenaDataProtectionKey WHERE ServiceId = @service ORDER BY CreatedAt", connection);
            select.Parameters.AddWithValue("service", serviceId);
            using var reader = select.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var insert = new NpgsqlCommand(
                "INSERT INTO ArenaDataProtectionKey (ServiceId, Name, Xml) VALUES (@service, @name, @xml) ON CONFLICT (ServiceId, Name) DO NOTHING", connection);
            insert.Parameters.AddWithValue("service", serviceId);
            insert.Parameters.AddWithValue("name", friendlyName);
            insert.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
            insert.ExecuteNonQuery();
        }
    }
}
