using System.Security.Cryptography;
using Arena.Silo.Storage;
using Npgsql;

namespace Arena.Silo.Cluster;

/// <summary>
/// The secrets every node of a cluster must share, so that a token issued by one node is accepted by every other and
/// one admin key opens them all. A single node keeps them in files of its data folder (ArenaKeys); the nodes of a
/// cluster have data folders of their own, so in cluster mode they live in PostgreSQL instead, in
/// <c>ArenaSecret</c> under the ServiceId: created by the first node to start, read by the others. A configured
/// <c>Arena:SigningKey</c> (base64, 32 bytes or more) or <c>Arena:AdminKey</c> wins and is never stored.
/// Whoever can read the database can read them — as they can already rewrite its scores; the journal's hash chain,
/// not the key, is what makes tampering visible.
/// </summary>
internal static class ClusterSecrets
{
    public const string SigningKeyName = "token-signing-key";
    public const string AdminKeyName = "admin-key";

    /// <summary>In cluster mode, fills in <c>Arena:SigningKey</c> and <c>Arena:AdminKey</c> from the database when not configured.</summary>
    public static WebApplicationBuilder AddArenaClusterSecrets(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!ArenaClusteringExtensions.IsPostgres(configuration)) return builder;

        var connectionString = PostgresStorage.ConnectionString(configuration);
        var serviceId = ArenaClusteringExtensions.ServiceId(configuration);
        var shared = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration["Arena:SigningKey"]))
            shared["Arena:SigningKey"] = Shared(connectionString, serviceId, SigningKeyName, NewSigningKey, out _);
        if (string.IsNullOrWhiteSpace(configuration["Arena:AdminKey"]))
        {
            shared["Arena:AdminKey"] = Shared(connectionString, serviceId, AdminKeyName, NewAdminKey, out var created);
            // Printed once, on the console of the first node to start; afterwards it is only in the database.
            if (created)
                Console.WriteLine($"Arena admin key: {shared["Arena:AdminKey"]}  (saved in the PostgreSQL table arenasecret, service '{serviceId}')");
        }
        configuration.AddInMemoryCollection(shared);
        return builder;
    }

    /// <summary>
    /// The value stored under <paramref name="name"/>, stored first from <paramref name="create"/> when there is none.
    /// Runs at start-up, before the host is built (the web surface reads the keys from configuration), hence synchronous.
    /// </summary>
    internal static string Shared(string connectionString, string serviceId, string name, Func<string> create, out bool created)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var schema = new NpgsqlCommand(SqlScripts.Load(SqlScripts.PostgresSecrets), connection, transaction))
            schema.ExecuteNonQuery();
        using (var insert = new NpgsqlCommand(
            "INSERT INTO ArenaSecret (ServiceId, Name, Value) VALUES (@service, @name, @value) ON CONFLICT (ServiceId, Name) DO NOTHING",
            connection, transaction))
        {
            insert.Parameters.AddWithValue("service", serviceId);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("value", create());
            created = insert.ExecuteNonQuery() == 1;
        }
        using var select = new NpgsqlCommand("SELECT Value FROM ArenaSecret WHERE ServiceId = @service AND Name = @name", connection, transaction);
        select.Parameters.AddWithValue("service", serviceId);
        select.Parameters.AddWithValue("name", name);
        var value = (string)select.ExecuteScalar()!;
        transaction.Commit();
        return value;
    }

    private static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string NewAdminKey() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
}
