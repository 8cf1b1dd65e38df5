using System.Net.Http.Headers;

namespace Arena.LoadTest;

/// <summary>
/// Before the clock starts: the admin signs in, creates the finals, issues a code for every judge and screen, and
/// each device signs in with its code, as at a venue. Then every device opens its hub connection; screens join.
/// </summary>
public static class Setup
{
    private const int Parallel = 16;

    public static async Task<AuthenticationHeaderValue> Admin(Http http, string key) =>
        Http.Bearer((await http.PostJson("api/auth/admin", new { key }, null))["token"]!.GetValue<string>());

    /// <summary>Creates the finals and signs in their devices; with several nodes, final i through node i mod n.</summary>
    public static async Task<List<FinalRun>> Finals(IReadOnlyList<Http> nodes, AuthenticationHeaderValue admin, Options o, string runTag, Metrics metrics, int contestants)
    {
        var finals = Enumerable.Range(0, o.Finals)
            .Select(i => new FinalRun($"lt-{runTag}-{i}", i, contestants, new ScreenTracker(o.Screens, metrics)) { OperatorNode = i % nodes.Count }).ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (f, _) =>
        {
            var http = nodes[f.OperatorNode];
            var (status, body) = await http.Post("api/finals", FinalDefinitions.Json(f.Id, o.Judges, contestants), admin);
            if ((int)status != 201) throw new InvalidOperationException($"creating final {f.Id} answered {(int)status}: {System.Text.Encoding.UTF8.GetString(body)}");
            for (var j = 1; j <= o.Judges; j++) f.Judges.Add(new Judge(f, $"j{j}", await SignIn(http, admin, f.Id, "judge", $"j{j}")));
            for (var s = 0; s < o.Screens; s++) f.Screens.Add(new Screen(f, s, await SignIn(http, admin, f.Id, "screen", $"screen-{s + 1}")));
        });
        return finals;
    }

    public static async Task<string> SignIn(Http http, AuthenticationHeaderValue admin, string finalId, string role, string subject)
    {
        var code = (await http.PostJson($"api/finals/{finalId}/access", new { role, subject }, admin))["code"]!.GetValue<string>();
        return (await http.PostJson("api/auth/code", new { finalId, code }, null))["token"]!.GetValue<string>();
    }

    public static Task Connect(Uri url, IReadOnlyList<FinalRun> finals, IHubListener listener, bool judgesOverHub, CancellationToken ct) =>
        Connect([url], finals, listener, judgesOverHub, ct);

    /// <summary>
    /// Opens every judge's and screen's connection and joins the screens (waits for each snapshot). With several nodes
    /// the connections go round-robin over them (judges over HTTP are spread the same way).
    /// </summary>
    public static async Task Connect(IReadOnlyList<Uri> nodes, IReadOnlyList<FinalRun> finals, IHubListener listener, bool judgesOverHub, CancellationToken ct)
    {
        var work = new List<Func<Task>>();
        var next = 0;
        foreach (var f in finals)
        {
            foreach (var j in f.Judges)
            {
                j.Node = next++ % nodes.Count;
                if (judgesOverHub)
                    work.Add(async () => j.Socket = await HubSocket.Connect(nodes[j.Node], "hubs/judge", j.Token, "final=" + f.Id, listener, j, ct));
            }
            foreach (var s in f.Screens)
            {
                s.Node = next++ % nodes.Count;
                work.Add(async () =>
                {
                    s.Socket = await HubSocket.Connect(nodes[s.Node], "hubs/screen", s.Token, "final=" + f.Id, listener, s, ct);
                    s.JoinInvocation = s.Socket.NextInvocationId();
                    await s.Socket.Send(HubFrames.Invocation(s.JoinInvocation, "Join", $"\"{f.Id}\""));
                });
            }
        }
        await System.Threading.Tasks.Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (w, _) => await w());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (finals.Any(f => f.Screens.Any(s => !s.Joined)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("screens did not all get their Join snapshot within 60 s");
            await Task.Delay(50, ct);
        }
    }
}
