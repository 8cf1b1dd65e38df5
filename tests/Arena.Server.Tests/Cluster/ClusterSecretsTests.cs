using Arena.Silo.Cluster;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>The nodes of a cluster share one token signing key and one admin key, kept in PostgreSQL encrypted (Data Protection, its key ring encrypted with the cluster certificate).</summary>
public sealed class ClusterSecretsTests
{
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate = TestClusterCertificate.Load();

    [Fact]
    public async Task nodes_starting_together_agree_on_one_secret_and_exactly_one_of_them_creates_it()
    {
        var service = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            var value = ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.SigningKeyName, () => $"node {i}", out var created);
            return (value, created);
        })));

        Assert.Single(starts.Select(s => s.value).Distinct());
        Assert.Single(starts, s => s.created);
        var later = ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.SigningKeyName, () => "a later node", out var createdLater);
        Assert.Equal(starts[0].value, later);
        Assert.False(createdLater);
    }

    [Fact]
    public void another_service_in_the_same_database_has_secrets_of_its_own()
    {
        string Secret(string service) => ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.AdminKeyName, () => service, out _);
        var one = Secret("secrets-" + Guid.NewGuid().ToString("N")[..8]);
        var two = Secret("secrets-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void the_database_holds_neither_a_secret_nor_a_key_of_the_ring_in_clear_and_another_certificate_cannot_read_them()
    {
        var service = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        var secret = ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.AdminKeyName, () => "the-admin-key-in-clear", out _);
        Assert.Equal("the-admin-key-in-clear", secret);

        var stored = Rows($"SELECT Value FROM ArenaSecret WHERE ServiceId = '{service}'").Single();
        Assert.StartsWith(ClusterSecrets.Protected, stored);
        Assert.DoesNotContain("the-admin-key-in-clear", stored);
        var ring = Rows($"SELECT Xml FROM ArenaDataProtectionKey WHERE ServiceId = '{service}'");
        Assert.NotEmpty(ring);
        // Each key's material is an EncryptedData (XML encryption with the certificate), never a <masterKey> value in clear.
        Assert.All(ring, xml => { Assert.Contains("EncryptedData", xml); Assert.DoesNotContain("<value>", xml); });

        // A node with another certificate (not of this cluster) cannot decrypt the ring, so not the secret either.
        Assert.ThrowsAny<Exception>(() => ClusterSecrets.Shared(TestPostgres.ConnectionString, service, TestClusterCertificate.Stranger(), ClusterSecrets.AdminKeyName, () => "x", out _));
    }

    [Fact]
    public void a_secret_an_earlier_build_stored_in_clear_keeps_its_value_and_is_encrypted_at_the_next_start()
    {
        var service = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.SigningKeyName, () => "ignored", out _); // the tables
        Rows($"INSERT INTO ArenaSecret (ServiceId, Name, Value) VALUES ('{service}', '{ClusterSecrets.AdminKeyName}', 'legacy-admin-key') RETURNING Name");

        Assert.Equal("legacy-admin-key", ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.AdminKeyName, () => "new", out var created));
        Assert.False(created);
        Assert.StartsWith(ClusterSecrets.Protected, Rows($"SELECT Value FROM ArenaSecret WHERE ServiceId = '{service}' AND Name = '{ClusterSecrets.AdminKeyName}'").Single());
        Assert.Equal("legacy-admin-key", ClusterSecrets.Shared(TestPostgres.ConnectionString, service, Certificate, ClusterSecrets.AdminKeyName, () => "new", out _));
    }

    private static List<string> Rows(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
