using System.Globalization;

namespace Arena.LoadTest;

/// <summary>How a run is paced: the venue's rhythm, a fixed open-loop rate, or as fast as acknowledgements come.</summary>
public enum Pacing { Venue, Rate, ClosedLoop }

/// <summary>The command line, parsed once. Durations take "30s", "2m", "500ms" or plain seconds.</summary>
public sealed record Options
{
    public Uri? Url { get; init; }
    public string? AdminKey { get; init; }
    public int? ServerPid { get; init; }
    public int Finals { get; init; } = 200;
    public int Judges { get; init; } = 9;
    public int Contestants { get; init; } = 12;
    public int Screens { get; init; } = 4;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(6);
    /// <summary>Venue: seconds between two stage calls of one final, and the window in which its judges submit.</summary>
    public TimeSpan StageEvery { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan SubmitWithin { get; init; } = TimeSpan.FromSeconds(2);
    public double? Rate { get; init; }
    public bool ClosedLoop { get; init; }
    public bool Http { get; init; }
    public bool Baseline { get; init; }
    public int? ScreensOnly { get; init; }
    /// <summary><c>--viewers N</c>: N anonymous viewers of one public final's public feed (see <see cref="PublicViewersRun"/>).</summary>
    public int? Viewers { get; init; }
    public string? ReportPath { get; init; }
    public string? HtmlPath { get; init; }
    public bool Quiet { get; init; }
    /// <summary>Configuration for a server this run starts (<c>Arena:ScreenCoalesceMs=20</c>), passed as <c>--Arena:ScreenCoalesceMs 20</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerSettings { get; init; } = [];
    /// <summary>Environment variables for a server this run starts (<c>DOTNET_gcServer=0</c>), the baseline hub included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnv { get; init; } = [];
    /// <summary>
    /// Cluster mode: this many Arena nodes as one Orleans cluster on PostgreSQL (<c>--nodes 1</c>: one node on the same
    /// storage, for comparison); tablets and screens are spread over them, each knowing every node's address.
    /// </summary>
    public int? Nodes { get; init; }
    /// <summary>The PostgreSQL of cluster mode; without it the run starts a throwaway one.</summary>
    public string? Postgres { get; init; }
    /// <summary>Cluster mode: SIGKILL the node hosting the most final grains this long into the measured window.</summary>
    public TimeSpan? KillNodeAfter { get; init; }
    /// <summary>The silo to start (default: the Release build, built first when missing); tests pass their own.</summary>
    public string? SiloDll { get; init; }
    /// <summary>Clients reconnect to another node, rejoin, and resubmit unacknowledged sheets (cluster mode with 2+ nodes).</summary>
    public bool Failover => Nodes is > 1;
    /// <summary>Internal: serve the bare baseline hub on this port (the child process of <c>--baseline</c>).</summary>
    public int? ServeBaseline { get; init; }

    public Pacing Pacing => ScreensOnly is not null || Viewers is not null ? Pacing.Rate : ClosedLoop ? Pacing.ClosedLoop : Rate is not null ? Pacing.Rate : Pacing.Venue;

    public string Describe() => ScreensOnly is { } n
        ? $"screens-only {n} screens, {Rate ?? 2}/s updates, {Duration.TotalSeconds:0.#}s"
        : Viewers is { } v ? $"viewers {v} on the public feed, {Rate ?? 2}/s updates, {Duration.TotalSeconds:0.#}s"
        : $"{Pacing switch { Pacing.Venue => "venue", Pacing.Rate => $"rate {Rate}/s", _ => "closed-loop" }}, " +
          $"{Finals} finals x {Judges} judges x {Screens} screens, {Duration.TotalSeconds:0.#}s, over {(Http ? "HTTP" : "the judge hub")}" +
          (Nodes is { } nodes ? $", {nodes} node{(nodes == 1 ? "" : "s")} on PostgreSQL" : "") +
          (KillNodeAfter is { } kill ? $", SIGKILL of a node {kill.TotalSeconds:0.#}s into the window" : "");

    public static Options Parse(IReadOnlyList<string> args)
    {
        var o = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            o = name switch
            {
                "--url" => o with { Url = new Uri(Value()) },
                "--admin-key" => o with { AdminKey = Value() },
                "--server-pid" => o with { ServerPid = Int(Value(), name) },
                "--finals" => o with { Finals = Int(Value(), name) },
                "--judges" => o with { Judges = Int(Value(), name) },
                "--contestants" => o with { Contestants = Int(Value(), name) },
                "--screens" => o with { Screens = Int(Value(), name) },
                "--duration" => o with { Duration = Time(Value(), name) },
                "--warmup" => o with { Warmup = Time(Value(), name) },
                "--stage-every" => o with { StageEvery = Time(Value(), name) },
                "--submit-within" => o with { SubmitWithin = Time(Value(), name) },
                "--rate" => o with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--closed-loop" => o with { ClosedLoop = true },
                "--http" => o with { Http = true },
                "--baseline" => o with { Baseline = true },
                "--screens-only" => o with { ScreensOnly = Int(Value(), name) },
                "--viewers" => o with { Viewers = Int(Value(), name) },
                "--report" => o with { ReportPath = Value() },
                "--html" => o with { HtmlPath = Value() },
                "--quiet" => o with { Quiet = true },
                "--server-setting" => o with { ServerSettings = [.. o.ServerSettings, Pair(Value(), name)] },
                "--server-env" => o with { ServerEnv = [.. o.ServerEnv, Pair(Value(), name)] },
                "--nodes" => o with { Nodes = Int(Value(), name) },
                "--postgres" => o with { Postgres = Value() },
                "--kill-node-after" => o with { KillNodeAfter = Time(Value(), name) },
                "--silo-dll" => o with { SiloDll = Value() },
                "--serve-baseline" => o with { ServeBaseline = Int(Value(), name) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (o.Url is { } url && !url.IsLoopback) throw new ArgumentException("--url must be on 127.0.0.1: the load test runs against this machine only");
        if (o.Url is not null && o.AdminKey is null) throw new ArgumentException("--url needs --admin-key");
        if (o.Finals < 1 || o.Judges < 3 || o.Screens < 0) throw new ArgumentException("need at least 1 final and 3 judges (a trimmed mean drops two)");
        if (o.Rate is <= 0) throw new ArgumentException("--rate must be positive");
        if (o.Postgres is not null && o.Nodes is null) o = o with { Nodes = 1 };
        if (o.Viewers is { } viewers && (viewers < 1 || o.ScreensOnly is not null || o.Nodes is not null))
            throw new ArgumentException("--viewers needs a positive count, on one node, without --screens-only");
        if (o.Nodes is { } n && (n < 1 || n > 8)) throw new ArgumentException("--nodes must be between 1 and 8");
        if (o.Nodes is not null && o.Url is not null) throw new ArgumentException("--nodes starts its own nodes: it does not go with --url");
        if (o.KillNodeAfter is { } k)
        {
            if (o.Nodes is not > 1) throw new ArgumentException("--kill-node-after needs --nodes 2 or more (the clients must have a node to go to)");
            if (k <= TimeSpan.Zero || k >= o.Duration) throw new ArgumentException("--kill-node-after must fall inside the measured window (--duration)");
            if (o.ScreensOnly is not null) throw new ArgumentException("--kill-node-after does not go with --screens-only");
        }
        return o;
    }

    private static KeyValuePair<string, string> Pair(string s, string name) => s.Split('=', 2) is [var k, var v] && k.Length > 0
        ? new(k, v) : throw new ArgumentException($"{name}: '{s}' is not KEY=VALUE");

    private static int Int(string s, string name) =>
        int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{name}: '{s}' is not a number");

    public static TimeSpan Time(string s, string name)
    {
        double Num(string x) => double.TryParse(x, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{name}: '{s}' is not a duration");
        if (s.EndsWith("ms")) return TimeSpan.FromMilliseconds(Num(s[..^2]));
        if (s.EndsWith('s')) return TimeSpan.FromSeconds(Num(s[..^1]));
        if (s.EndsWith('m')) return TimeSpan.FromMinutes(Num(s[..^1]));
        return TimeSpan.FromSeconds(Num(s));
    }

    public const string Usage = """
        usage: loadtest [--url http://127.0.0.1:PORT --admin-key K [--server-pid PID]]
                        [--finals 200] [--judges 9] [--contestants 12] [--screens 4] [--duration 30s] [--warmup 6s]
                        [--rate N | --closed-loop] [--http] [--baseline] [--screens-only N [--rate N]] [--viewers N [--rate N]]
                        [--report report.json] [--html report.html]
                        [--server-setting Arena:ScreenCoalesceMs=20] [--server-env DOTNET_gcServer=0]   (servers it starts)
                        [--nodes 2 [--postgres "Host=…;Username=…;Database=…"] [--kill-node-after 15s]]
        Without --url it starts its own Arena (the Release silo, a fresh data folder) and stops it afterwards.
        --nodes N starts N nodes as one cluster on PostgreSQL (a throwaway one unless --postgres is given) and spreads
        tablets and screens over them; with --kill-node-after T it SIGKILLs the node hosting the most final grains T into
        the window, and the clients reconnect to another node, rejoin, and resubmit with the same submissionIds.
        Default pacing is the venue's: each final calls its next contestant every 3 s and its judges submit once
        each at a random moment within the first 2 s.
        """;
}
