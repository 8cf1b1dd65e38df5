using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Arena.Silo.Backup;

/// <summary>
/// A single node's data folder as one file to take home: a zip holding <c>arena.db</c> as a consistent copy made while
/// the server runs (SQLite's <c>VACUUM INTO</c>, a read transaction: every sheet acknowledged before it started is in
/// it, and the writer is not stopped), every key file of the folder (the journal key, without which the journal reads
/// but no longer verifies; the token signing key, the admin key, the https certificate) and a manifest. Restoring
/// unpacks it into an empty folder that a server then starts on.
/// </summary>
public static class DataBackup
{
    public const string Database = "arena.db";
    private const string Manifest = "arena-backup.json";

    public sealed record ManifestView(string Format, DateTimeOffset CreatedAt, IReadOnlyList<string> Files);

    /// <summary>Writes the backup of <paramref name="dataDir"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(string dataDir, Stream output, TimeProvider clock, CancellationToken cancellation = default)
    {
        var db = Path.Combine(dataDir, Database);
        if (!File.Exists(db)) throw new InvalidOperationException($"There is no {Database} in {dataDir}: nothing to back up (a PostgreSQL store is backed up with pg_dump).");
        var copy = Path.Combine(dataDir, $".backup-{Guid.NewGuid():N}.db.tmp");
        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellation);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $copy";
                vacuum.Parameters.AddWithValue("$copy", copy);
                await vacuum.ExecuteNonQueryAsync(cancellation);
            }
            var keys = Directory.EnumerateFiles(dataDir).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith(Database, StringComparison.Ordinal) && !n.EndsWith(".tmp", StringComparison.Ordinal) && !n.StartsWith('.'))
                .Order(StringComparer.Ordinal).ToList();
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            await zip.CreateEntryFromFileAsync(copy, Database, CompressionLevel.Optimal, cancellation);
            foreach (var name in keys) await zip.CreateEntryFromFileAsync(Path.Combine(dataDir, name), name, CompressionLevel.Optimal, cancellation);
            await using (var manifest = await zip.CreateEntry(Manifest).OpenAsync(cancellation))
                await JsonSerializer.SerializeAsync(manifest, new ManifestView("arena-backup-1", clock.GetUtcNow(), [Database, .. keys]), cancellationToken: cancellation);
        }
        finally { File.Delete(copy); }
    }

    /// <summary>Unpacks a backup into <paramref name="dataDir"/>, which must be empty or not exist (a restore never mixes two finals' data).</summary>
    public static async Task RestoreAsync(Stream backup, string dataDir, CancellationToken cancellation = default)
    {
        if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
            throw new InvalidOperationException($"{dataDir} is not empty: restore into a new or empty data folder.");
        using var zip = new ZipArchive(backup, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.GetEntry(Manifest) is null || zip.GetEntry(Database) is null) throw new InvalidOperationException("This is not an Arena backup (no manifest or no arena.db).");
        Directory.CreateDirectory(dataDir);
        foreach (var entry in zip.Entries.Where(e => e.FullName != Manifest))
        {
            // Only plain names: an entry like ../x must never land outside the folder.
            if (entry.FullName != Path.GetFileName(entry.FullName) || entry.FullName.Length == 0)
                throw new InvalidOperationException($"This backup holds an unexpected entry '{entry.FullName}'.");
            var target = Path.Combine(dataDir, entry.FullName);
            await entry.ExtractToFileAsync(target, overwrite: false, cancellation);
            if (!OperatingSystem.IsWindows() && entry.FullName != Database) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
