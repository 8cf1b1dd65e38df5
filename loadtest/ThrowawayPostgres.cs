using System.Diagnostics;

namespace Arena.LoadTest;

/// <summary>
/// A PostgreSQL of this run only, as ./test.sh starts one: <c>initdb</c> into a temporary folder (as the
/// <c>postgres</c> user when running as root) with the newest <c>/usr/lib/postgresql/*/bin</c>, listening on
/// 127.0.0.1 on a free port, durable (<c>fsync=on</c>), stopped and deleted at the end.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin, _dir;

    private ThrowawayPostgres(string bin, string dir, int port) => (_bin, _dir, Port) = (bin, dir, port);

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    /// <summary>The postmaster's pid (its backends are its children), for the CPU the database used.</summary>
    public int? Pid => File.Exists(Path.Combine(_dir, "data", "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(_dir, "data", "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;

    public static async Task<ThrowawayPostgres> Start(TextWriter log)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("no PostgreSQL under /usr/lib/postgresql/*/bin (apt-get install postgresql), or pass --postgres \"<connection string>\"");
        var dir = Directory.CreateTempSubdirectory("arena-loadtest-pg-").FullName;
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        var port = ServerProcess.FreePort();
        var pg = new ThrowawayPostgres(bin, dir, port);
        try
        {
            if (IsRoot && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                await Run("chown", ["-R", "postgres:postgres", dir]);
            }
            await pg.AsPostgres($"{bin}/initdb -D {data} -A trust -U postgres -E UTF8 >/dev/null");
            await pg.AsPostgres($"{bin}/pg_ctl -D {data} -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on\" start >/dev/null");
            log.WriteLine($"loadtest: started a throwaway PostgreSQL on 127.0.0.1:{port} ({bin}, data in {data})");
            return pg;
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgres(string command) => IsRoot ? Run("su", ["postgres", "-s", "/bin/sh", "-c", command]) : Run("sh", ["-c", command]);

    private static async Task Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {error}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await AsPostgres($"{_bin}/pg_ctl -D {Path.Combine(_dir, "data")} -m immediate stop >/dev/null 2>&1"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
