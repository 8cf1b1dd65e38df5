using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Arena.Testing;

/// <summary>
/// The real server as users run it: the silo executable in its own process on 127.0.0.1, with its own data folder
/// and free ports, stoppable gracefully or with SIGKILL and restartable on the same data.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private Process? _process;
    private readonly List<string> _output = [];

    private readonly bool _generatedAdminKey;

    /// <param name="generatedAdminKey">Start as a new user does, without <c>Arena:AdminKey</c>: the server generates one and prints it.</param>
    public SiloProcess(string? dataDir = null, IDictionary<string, string>? settings = null, bool generatedAdminKey = false)
    {
        _generatedAdminKey = generatedAdminKey;
        DataDir = dataDir ?? Directory.CreateTempSubdirectory("arena-test-").FullName;
        Settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        Port = FreePort();
    }

    public string DataDir { get; }
    /// <summary>Something else to start than the silo built beside the tests, e.g. a release folder's start script; it gets the same arguments.</summary>
    public string? Program { get; init; }
    /// <summary>The process's working directory (default: the tests' own).</summary>
    public string? WorkingDirectory { get; init; }
    public int Port { get; private set; }
    public Dictionary<string, string> Settings { get; }
    /// <summary>The configured key, or the one the server printed when it generated it.</summary>
    public string AdminKey => _generatedAdminKey
        ? System.Text.RegularExpressions.Regex.Match(Output, @"Admin key: (\S+)  \(new").Groups[1].Value is { Length: > 0 } printed ? printed
            : throw new InvalidOperationException("The server printed no admin key:\n" + Output)
        : "test-admin-key";
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the silo; sign-ins are practically unlimited unless <paramref name="authRateLimit"/> says otherwise.
    /// A port found free can be taken by another process before the silo binds it: then it starts again on fresh
    /// ports (the web port stays the same unless it was the one taken, so pages can reconnect after a restart).
    /// </summary>
    public async Task StartAsync(int authRateLimit = 100000)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(authRateLimit);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Output.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                if (Output.Contains($":{Port}", StringComparison.Ordinal)) Port = FreePort();
                lock (_output) _output.Clear();
            }
        }
    }

    private async Task StartOnceAsync(int authRateLimit)
    {
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{Port}", "--Arena:DataDir", DataDir,
            "--Arena:SiloPort", FreePort().ToString(),
            "--Arena:AuthRateLimit", authRateLimit.ToString(), "--Logging:LogLevel:Default", "Warning",
        };
        if (!_generatedAdminKey) args.AddRange(["--Arena:AdminKey", AdminKey]);
        foreach (var (k, v) in Settings) { args.Add("--" + k); args.Add(v); }
        if (Program is null) args.Insert(0, SiloDll());
        var info = new ProcessStartInfo(Program ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (WorkingDirectory is not null) info.WorkingDirectory = WorkingDirectory;
        foreach (var a in args) info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // the rest of its output
                var code = _process.ExitCode;
                _process = null;
                throw new InvalidOperationException($"The silo exited with {code}:\n{Output}");
            }
            try { if ((await http.GetAsync("health/live")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The silo did not become live:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process = null;
    }

    /// <summary>
    /// SIGTERM, as systemd, <c>docker stop</c> or Kubernetes stop a node: the server shuts down gracefully. Returns its
    /// exit code; a server still running after <paramref name="timeout"/> is killed and the test fails.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The silo is not running.");
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString()]) { UseShellExecute = false })!)
            await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"The silo did not stop within {timeout.TotalSeconds:F0} s of SIGTERM:\n{Output}");
        }
        _process = null;
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Runs the silo as a command (e.g. <c>verify FILE</c>) and waits for it: its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> Command(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SiloDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The checkout the tests were built in (their output is tests/&lt;Project&gt;/bin/&lt;Config&gt;/net10.0/).</summary>
    public static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    /// <summary>The silo built alongside the tests (same configuration), run from its own output folder.</summary>
    private static string SiloDll()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "silo", "bin", config, "net10.0", "Arena.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the silo first (dotnet build Arena.sln).", dll);
    }
}
