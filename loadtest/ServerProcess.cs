using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Arena.LoadTest;

/// <summary>
/// A server this run starts and stops: Arena's Release silo (built first when missing) on a fresh data folder, free
/// ports and a generated admin key, or the bare baseline hub (this program in a child process).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private Process _process;
    private readonly string? _dataDir;
    private StreamWriter _log;
    private (string Dll, string[] Args, int Port, Dictionary<string, string> Env)? _launch;

    private ServerProcess(Process process, Uri url, string? dataDir, string logPath, StreamWriter log)
    {
        (_process, Url, _dataDir, LogPath, _log) = (process, url, dataDir, logPath, log);
    }

    public Uri Url { get; }
    public int Pid => _process.Id;
    public string LogPath { get; private set; }
    public string AdminKey { get; private init; } = "";

    public static async Task<ServerProcess> StartArena(Options o, TextWriter console) =>
        await StartArena(o, console, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)), new Dictionary<string, string>());

    /// <summary>
    /// Arena with these extra settings (cluster mode: <c>Arena:Cluster</c>, <c>Arena:Storage</c>, the connection
    /// string, the service and cluster ids), its own data folder and ports, and this admin key.
    /// </summary>
    public static async Task<ServerProcess> StartArena(Options o, TextWriter console, string adminKey, IReadOnlyDictionary<string, string> settings)
    {
        var dll = o.SiloDll ?? await ReleaseSilo(console);
        var dataDir = Directory.CreateTempSubdirectory("arena-loadtest-").FullName;
        var port = FreePort();
        string[] args = [
            "--urls", $"http://127.0.0.1:{port}", "--Arena:DataDir", dataDir, "--Arena:AdminKey", adminKey,
            "--Arena:SiloPort", FreePort().ToString(),
            "--Arena:AuthRateLimit", "1000000", "--Logging:LogLevel:Default", "Warning",
            .. settings.SelectMany(kv => new[] { "--" + kv.Key, kv.Value }),
            .. o.ServerSettings.SelectMany(kv => new[] { "--" + kv.Key, kv.Value })];
        var env = o.ServerEnv.ToDictionary();
        var server = await Start(dll, args, port, dataDir, env);
        return new ServerProcess(server._process, server.Url, dataDir, server.LogPath, server._log) { AdminKey = adminKey, _launch = (dll, args, port, env) };
    }

    /// <summary>
    /// SIGKILL, then the same Arena again on the same data folder, ports and admin key: what a node has acknowledged
    /// must come back from disk, not from the memory of the process that acknowledged it. Its log goes beside the first.
    /// </summary>
    public async Task Restart()
    {
        if (_launch is not { } launch) throw new InvalidOperationException("only an Arena this run started can be restarted");
        await Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
        var again = await Start(launch.Dll, launch.Args, launch.Port, _dataDir, launch.Env, Path.ChangeExtension(LogPath, ".restarted.log"));
        (_process, _log, LogPath) = (again._process, again._log, again.LogPath);
    }

    /// <summary>A new certificate for a cluster's nodes, made as an organiser makes one: <c>Arena.Silo cluster-certificate FILE</c>.</summary>
    public static async Task<string> ClusterCertificate(Options o, TextWriter console)
    {
        var dll = o.SiloDll ?? await ReleaseSilo(console);
        var path = Path.Combine(Directory.CreateTempSubdirectory("arena-loadtest-cert-").FullName, "cluster.pfx");
        using var made = Process.Start(new ProcessStartInfo("dotnet", [dll, "cluster-certificate", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await made.StandardOutput.ReadToEndAsync() + await made.StandardError.ReadToEndAsync();
        await made.WaitForExitAsync();
        return made.ExitCode == 0 ? path : throw new InvalidOperationException("making the cluster certificate failed: " + output);
    }

    private static readonly SemaphoreSlim Building = new(1, 1);

    private static async Task<string> ReleaseSilo(TextWriter console)
    {
        var root = RepoRoot();
        var dll = Path.Combine(root, "silo", "bin", "Release", "net10.0", "Arena.Silo.dll");
        await Building.WaitAsync();
        try
        {
            if (!File.Exists(dll))
            {
                console.WriteLine("loadtest: building the silo (Release) first");
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "silo", "Arena.Silo.csproj"), "-c", "Release", "-nologo", "-v", "quiet"]))!;
                await build.WaitForExitAsync();
                if (build.ExitCode != 0) throw new InvalidOperationException("building the silo failed");
            }
        }
        finally { Building.Release(); }
        return dll;
    }

    /// <summary>SIGKILL, like a power cut of the node: no shutdown code runs. Returns once the process is reaped.</summary>
    public async Task Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>The bare SignalR hub, with the silo's runtime settings (server GC, thread-pool workers that do not spin
    /// when idle: silo/Arena.Silo.csproj) so the comparison is like for like.</summary>
    public static Task<ServerProcess> StartBaseline(Options o)
    {
        var port = FreePort();
        var env = new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" };
        foreach (var (k, v) in o.ServerEnv) env[k] = v;
        return Start(typeof(ServerProcess).Assembly.Location, ["--serve-baseline", port.ToString()], port, null, env);
    }

    private static async Task<ServerProcess> Start(string dll, string[] args, int port, string? dataDir, Dictionary<string, string> env, string? logPath = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        logPath ??= Path.Combine(Path.GetTempPath(), $"arena-loadtest-server-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataDir, logPath, log);
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode}; see {logPath}");
            try { if ((await http.GetAsync("health/live")).IsSuccessStatusCode) return server; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"the server did not become live in 90 s; see {logPath}");
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Arena.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Arena.sln not found above the load test; run it from the repository");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
        if (_dataDir is not null) try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
