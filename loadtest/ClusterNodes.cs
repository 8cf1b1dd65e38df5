namespace Arena.LoadTest;

/// <summary>
/// <c>--nodes N</c>: N Arena nodes on 127.0.0.1 as one Orleans cluster on PostgreSQL, as an organiser would run them
/// (README, "Cluster mode"): <c>Arena:Cluster=Postgres</c>, <c>Arena:Storage=Postgres</c>, one connection string, one
/// ServiceId and ClusterId (fresh for the run), one admin key; each its own web, silo and gateway ports and data folder.
/// The PostgreSQL is the one given, or a throwaway one started here. Ready when every node sees N active members.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<ServerProcess> _servers = [];
    private ThrowawayPostgres? _postgres;

    public IReadOnlyList<ServerProcess> Servers => _servers;
    public string AdminKey { get; private set; } = "";
    /// <summary>The throwaway PostgreSQL's postmaster (null when --postgres named one).</summary>
    public int? PostgresPid => _postgres?.Pid;
    public string PostgresDescription { get; private set; } = "";

    public IReadOnlyList<TargetNode> Targets => _servers.Select((s, i) => new TargetNode(((char)('A' + i)).ToString(), s.Url, s.Pid, s.Kill)).ToList();

    public static async Task<ClusterNodes> Start(Options o, TextWriter log)
    {
        var cluster = new ClusterNodes();
        try
        {
            string connection;
            if (o.Postgres is { } given) (connection, cluster.PostgresDescription) = (given, "PostgreSQL given with --postgres");
            else
            {
                cluster._postgres = await ThrowawayPostgres.Start(log);
                (connection, cluster.PostgresDescription) = (cluster._postgres.ConnectionString, $"throwaway PostgreSQL on 127.0.0.1:{cluster._postgres.Port}");
            }
            var service = "lt-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
            var settings = new Dictionary<string, string>
            {
                ["Arena:Cluster"] = "Postgres",
                ["Arena:Storage"] = "Postgres",
                ["ConnectionStrings:Arena"] = connection,
                ["Arena:ServiceId"] = service,
                ["Arena:ClusterId"] = service,
                ["Arena:JournalKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Arena:ClusterCertificate"] = await ServerProcess.ClusterCertificate(o, log), // the nodes' mutual TLS
            };
            cluster.AdminKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var n = o.Nodes ?? 1;
            var starting = Enumerable.Range(0, n).Select(_ => ServerProcess.StartArena(o, log, cluster.AdminKey, settings)).ToList();
            try { await Task.WhenAll(starting); }
            finally
            {
                foreach (var t in starting) if (t.IsCompletedSuccessfully) cluster._servers.Add(t.Result);
            }
            await cluster.UntilFormed(n);
            for (var i = 0; i < n; i++)
                log.WriteLine($"loadtest: node {(char)('A' + i)} at {cluster._servers[i].Url} (pid {cluster._servers[i].Pid}, log {cluster._servers[i].LogPath})");
            log.WriteLine($"loadtest: {n} node{(n == 1 ? "" : "s")} formed cluster {service} on the {cluster.PostgresDescription}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task UntilFormed(int n)
    {
        var https = _servers.Select(s => new Http(s.Url)).ToList();
        try
        {
            var admin = await Setup.Admin(https[0], AdminKey);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var formed = true;
                foreach (var http in https)
                {
                    using var view = await http.GetJson("api/cluster", admin);
                    formed &= view.RootElement.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Active") == n;
                }
                if (formed) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"the {n} nodes did not form one cluster within 60 s; see {string.Join(", ", _servers.Select(s => s.LogPath))}");
                await Task.Delay(200);
            }
        }
        finally
        {
            foreach (var h in https) h.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _servers) await s.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
