using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Arena.Silo.Storage;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Arena.Silo.Cluster;

/// <summary>
/// The secrets every node of a cluster must share, so that a token issued by one node is accepted by every other and
/// one admin key opens them all. A single node keeps them in files of its data folder (ArenaKeys); the nodes of a
/// cluster have data folders of their own, so in cluster mode they live in PostgreSQL instead, in
/// <c>ArenaSecret</c> under the ServiceId: created by the first node to start, read by the others, and stored
/// encrypted by ASP.NET Core Data Protection (<see cref="DatabaseKeyRing"/>: its key ring in the database, encrypted
/// with the cluster certificate that stays outside it). A value an earlier build stored in clear is encrypted in
/// place at the next start. A configured <c>Arena:SigningKey</c> (base64, 32 bytes or more) or <c>Arena:AdminKey</c>
/// wins and is never stored.
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
        var needSigningKey = string.IsNullOrWhiteSpace(configuration["Arena:SigningKey"]);
        var needAdminKey = string.IsNullOrWhiteSpace(configuration["Arena:AdminKey"]);
        if (!needSigningKey && !needAdminKey) return builder;
        var certificate = ClusterTls.Load(configuration);
        if (needSigningKey)
            shared["Arena:SigningKey"] = Shared(connectionString, serviceId, certificate, SigningKeyName, NewSigningKey, out _);
        if (needAdminKey)
        {
            shared["Arena:AdminKey"] = Shared(connectionString, serviceId, certificate, AdminKeyName, NewAdminKey, out var created);
            // Printed once, on the console of the first node to start; afterwards it is only in the database.
            if (created)
                Console.WriteLine($"Arena admin key: {shared["Arena:AdminKey"]}  (saved in the PostgreSQL table arenasecret, service '{serviceId}')");
        }
        configuration.AddInMemoryCollection(shared);
        return builder;
    }

    /// <summary>
    /// The value stored under <paramref name="name"/>, stored first from <paramref name="create"/> when there is none.
    /// Runs at start-up, before the host is built (the web surface reads the keys from configuration), hence
    /// synchronous. Nodes starting together take turns (an advisory lock per service), so the first one's key ring
    /// key and value are in the database before the next node reads either.
    /// </summary>
    internal static string Shared(string connectionString, string serviceId, X509Certificate2 certificate, string name, Func<string> create, out bool created)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            // Its own transaction: the key ring's rows are written on other connections, which must see the tables.
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var schema = new NpgsqlCommand(SqlScripts.Load(SqlScripts.PostgresSecrets), connection, transaction);
            schema.ExecuteNonQuery();
            transaction.Commit();
        }
        using var keyRing = DatabaseKeyRing.Open(connectionString, serviceId, certificate);
        using var db = new NpgsqlConnection(connectionString);
        db.Open();
        using var turn = db.BeginTransaction();
        Execute(db, turn, "SELECT pg_advisory_xact_lock(hashtext('arena-secrets'), hashtext(@service))", ("service", serviceId));
        var stored = (string?)Scalar(db, turn, "SELECT Value FROM ArenaSecret WHERE ServiceId = @service AND Name = @name", ("service", serviceId), ("name", name));
        created = stored is null;
        string value;
        if (stored is null)
        {
            value = create();
            Execute(db, turn, "INSERT INTO ArenaSecret (ServiceId, Name, Value) VALUES (@service, @name, @value)",
                ("service", serviceId), ("name", name), ("value", Protected + keyRing.Protector.Protect(value)));
        }
        else if (!stored.StartsWith(Protected, StringComparison.Ordinal))
        {
            value = stored; // kept in clear by an earlier build: encrypted now, the same value
            Execute(db, turn, "UPDATE ArenaSecret SET Value = @value WHERE ServiceId = @service AND Name = @name",
                ("service", serviceId), ("name", name), ("value", Protected + keyRing.Protector.Protect(value)));
            Console.WriteLine($"Arena: the shared secret '{name}' of service '{serviceId}' was stored in clear by an earlier build; it is encrypted now.");
        }
        else value = keyRing.Protector.Unprotect(stored[Protected.Length..]);
        turn.Commit();
        return value;
    }

    /// <summary>How a value encrypted by Data Protection starts in <c>ArenaSecret</c> (an earlier build stored them in clear).</summary>
    public const string Protected = "dp1:";

    private static void Execute(NpgsqlConnection db, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(db, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection db, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(db, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static NpgsqlCommand Command(NpgsqlConnection db, NpgsqlTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, db, transaction);
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        return command;
    }

    private static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string NewAdminKey() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
}
