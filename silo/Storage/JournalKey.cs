using System.Security.Cryptography;
using Arena.Journal;
using Arena.Web.Auth;

namespace Arena.Silo.Storage;

/// <summary>
/// The key that signs the journal (<see cref="JournalSigner"/>), never kept in the database: whoever can write the
/// database must not be able to sign. A single node keeps it in <c>journal.key</c> of its data folder (generated at
/// the first start, readable by the server's user only); the nodes of a cluster must share it and get it from
/// configuration (<c>Arena:JournalKey</c>, base64 of 32 bytes or more) — a PostgreSQL cluster without it does not start.
/// Back the key up with the data: without it the journal can still be read but no longer verified.
/// </summary>
public static class JournalKey
{
    public const string FileName = "journal.key";

    public static WebApplicationBuilder AddArenaJournalKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new JournalSigner(Load(builder.Configuration)));
        return builder;
    }

    public static byte[] Load(IConfiguration configuration)
    {
        if (configuration["Arena:JournalKey"] is { Length: > 0 } configured) return ArenaKeys.Decode(configured, "Arena:JournalKey");
        if (ArenaClusteringExtensions.IsPostgres(configuration))
            throw new InvalidOperationException("A cluster needs Arena:JournalKey, the same on every node (base64 of 32 random bytes: openssl rand -base64 32). " +
                "It signs the journal and is kept out of the database on purpose, so that whoever can write the database cannot forge scores.");
        var dataDir = DataFolder.Of(configuration);
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, path);
        }
        return ArenaKeys.Decode(File.ReadAllText(path), path);
    }
}
