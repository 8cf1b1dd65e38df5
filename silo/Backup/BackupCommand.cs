namespace Arena.Silo.Backup;

/// <summary>
/// <c>Arena.Silo backup FILE [--Arena:DataDir DIR]</c>: a consistent copy of a single node's data folder (it may be
/// running) with its keys, as one file. <c>Arena.Silo restore FILE [--Arena:DataDir DIR]</c>: unpacks one into an empty
/// data folder. The data folder is <c>Arena:DataDir</c> as the server takes it (default <c>./data</c>). Exit 0, or 2
/// with the reason.
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length < 2) { errors.WriteLine($"usage: Arena.Silo {args[0]} FILE [--Arena:DataDir DIR]"); return 2; }
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[2..]).Build();
        var dataDir = DataFolder.Of(configuration);
        var file = Path.GetFullPath(args[1]);
        try
        {
            if (args[0] == "backup")
            {
                if (File.Exists(file)) { errors.WriteLine($"backup: {file} exists; choose a new file"); return 2; }
                await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                    await DataBackup.WriteAsync(dataDir, stream, TimeProvider.System);
                output.WriteLine($"Backed up {dataDir} to {file} ({new FileInfo(file).Length / 1024} KB). Keep it safe: it holds the keys.");
            }
            else
            {
                await using var stream = File.OpenRead(file);
                await DataBackup.RestoreAsync(stream, dataDir);
                output.WriteLine($"Restored {file} into {dataDir}: start the server with --Arena:DataDir {dataDir}");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            if (args[0] == "backup") File.Delete(file);
            errors.WriteLine($"{args[0]}: {e.Message}");
            return 2;
        }
    }
}
