using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Auth;

/// <summary>
/// The secrets of this server, kept in the data folder so that tokens survive a restart: the admin key
/// (<c>Arena:AdminKey</c>, or generated at first start and printed once) and the token signing key
/// (<c>Arena:SigningKey</c>, base64, or generated at first start). The nodes of a cluster must share both: in
/// cluster mode the silo supplies them from the database as configuration. Created with the host (not on the first
/// sign-in), so that the console of a first start shows the new key before anyone needs it.
/// </summary>
public sealed class ArenaKeys
{
    public ArenaKeys(IConfiguration configuration, ILogger<ArenaKeys> logger)
    {
        DataDir = Path.GetFullPath(configuration["Arena:DataDir"] ?? "data");
        Directory.CreateDirectory(DataDir);
        SigningKey = configuration["Arena:SigningKey"] is { Length: > 0 } shared
            ? Decode(shared, "Arena:SigningKey")
            : Convert.FromBase64String(ReadOrCreate("token-signing.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), out _));
        var configured = configuration["Arena:AdminKey"];
        if (!string.IsNullOrWhiteSpace(configured)) AdminKey = configured;
        else
        {
            AdminKeyFile = Path.Combine(DataDir, "admin.key");
            AdminKey = ReadOrCreate("admin.key", () => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20), out var created);
            AdminKeyGenerated = created;
            if (created) logger.LogInformation("Generated an admin key into {File}", AdminKeyFile);
        }
    }

    public string DataDir { get; }
    public string AdminKey { get; }
    /// <summary>Where the admin key is kept; null when it is configured (or shared by the cluster).</summary>
    public string? AdminKeyFile { get; }
    /// <summary>True on the start that generated the key: the only time it is printed.</summary>
    public bool AdminKeyGenerated { get; }
    public byte[] SigningKey { get; }

    public bool IsAdminKey(string? key) =>
        key is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(AdminKey));

    /// <summary>A key given as base64 (configuration or a key file): at least 32 bytes, or a start-up error naming <paramref name="where"/>.</summary>
    public static byte[] Decode(string base64, string where)
    {
        var key = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), key, out var length) || length < 32)
            throw new InvalidOperationException($"{where} must be base64 of at least 32 bytes (e.g. openssl rand -base64 32).");
        return key[..length];
    }

    private string ReadOrCreate(string name, Func<string> create, out bool created)
    {
        var path = Path.Combine(DataDir, name);
        created = false;
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var value = create();
        var temp = path + ".tmp";
        File.WriteAllText(temp, value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temp, path); created = true; }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); } // another node of a shared folder won
        return File.ReadAllText(path).Trim();
    }
}
