using System.Net;
using System.Text;

namespace Arena.LoadTest;

/// <summary>
/// <c>--viewers N</c>: N anonymous viewers follow one public final's public feed (<c>GET /api/finals/{id}/feed</c>
/// without a token, NDJSON, one HTTP connection each, as phones on the public view do over Server-Sent Events), while
/// the admin switches the screen mode at <c>--rate</c> (default 2/s). Each switch's acknowledged version is awaited on
/// every viewer: the screen latency is from the switch's due time to a viewer's line with that version or newer, the
/// last-screen latency to the last viewer. Reports the server's memory per viewer.
/// </summary>
public static class PublicViewersRun
{
    public static async Task<RunReport> Play(Options o, string target, Uri url, string adminKey, int? serverPid, TextWriter log, CancellationToken ct = default)
    {
        var n = o.Viewers!.Value;
        var metrics = new Metrics();
        using var http = new Http(url);
        var admin = await Setup.Admin(http, adminKey);
        var final = new FinalRun($"lt-public-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}", 0, o.Contestants, new ScreenTracker(n, metrics));
        var (created, _) = await http.Post("api/finals", FinalDefinitions.Json(final.Id, o.Judges, o.Contestants), admin);
        if (created != HttpStatusCode.Created) throw new InvalidOperationException($"creating the final answered {(int)created}");
        var (opened, _) = await http.Post($"api/finals/{final.Id}/public", "{\"public\":true}"u8.ToArray(), admin);
        if (opened != HttpStatusCode.OK) throw new InvalidOperationException($"opening the public view answered {(int)opened}");

        await Task.Delay(1000, ct);
        var before = ProcSample.Read(serverPid);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, ConnectTimeout = TimeSpan.FromSeconds(20) };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var connected = new CountdownEvent(n);
        var open = 0;
        using var connecting = new SemaphoreSlim(64); // opened at a hall's pace, not all in one instant
        var viewers = Enumerable.Range(0, n).Select(i => Follow(client, final, i, metrics, connecting, connected, () => Interlocked.Increment(ref open), () => Interlocked.Decrement(ref open), stop.Token)).ToList();
        await Task.Run(() => connected.Wait(TimeSpan.FromSeconds(120), ct), ct);
        await Task.Delay(2000, ct); // let the server settle before reading its memory
        var after = ProcSample.Read(serverPid);
        double? kbPerViewer = before is { } b && after is { } a ? Math.Round((a.RssKb - b.RssKb) / (double)n, 1) : null;
        log.WriteLine($"loadtest: {target}: {Volatile.Read(ref open)} of {n} viewers following the public feed after {watch.Elapsed.TotalSeconds:0.0} s; server memory {kbPerViewer} KB per viewer; switching the mode {o.Rate ?? 2}/s");

        var window = await FanOut.SwitchModes(o, http, admin, final, metrics, serverPid, ct);
        var following = Volatile.Read(ref open);
        stop.Cancel();
        await Task.WhenAll(viewers);
        return FanOut.Report(o, target, n, metrics, window, serverPid, following, kbPerViewer, null);
    }

    private static async Task Follow(HttpClient client, FinalRun final, int index, Metrics metrics, SemaphoreSlim connecting, CountdownEvent connected,
        Action opened, Action closed, CancellationToken ct)
    {
        var first = true;
        var isOpen = false;
        try
        {
            HttpResponseMessage response;
            await connecting.WaitAsync(ct);
            try { response = await client.GetAsync($"api/finals/{final.Id}/feed", HttpCompletionOption.ResponseHeadersRead, ct); }
            finally { connecting.Release(); }
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.OK) { metrics.Error($"viewer:{(int)response.StatusCode}"); return; }
                opened();
                isOpen = true;
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.Length == 0) continue; // keep-alive
                    final.ScreenTracker.Received(index, SeqOf(line), Clock.Now);
                    if (first) { first = false; connected.Signal(); }
                }
                isOpen = false;
                closed();
                if (!ct.IsCancellationRequested) metrics.Error("viewer-disconnected");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { if (isOpen) closed(); }
        catch (Exception e) when (e is HttpRequestException or IOException) { metrics.Error("viewer:" + e.GetType().Name); }
        finally { if (first) connected.Signal(); }
    }

    /// <summary>The <c>"seq":N</c> near the start of a public feed line, without parsing the ~2.5 KB state behind it.</summary>
    internal static long SeqOf(string line)
    {
        var at = line.IndexOf("\"seq\":", StringComparison.Ordinal);
        if (at < 0) return -1;
        long seq = 0;
        for (var i = at + 6; i < line.Length && char.IsAsciiDigit(line[i]); i++) seq = seq * 10 + (line[i] - '0');
        return seq;
    }
}
