using System.Net.Http.Headers;
using System.Text.Json;

namespace Arena.LoadTest;

/// <summary>What the journals held after the run, read back from disk after a SIGKILL and a restart when this run could do one.</summary>
/// <param name="Restarted">The server was killed (SIGKILL) and started again on the same data folder before the journals were read.</param>
/// <param name="Missing">Acknowledged sheets whose submissionId is in no <c>SheetSubmitted</c> event of their final.</param>
/// <param name="Duplicates">SubmissionIds that appear in more than one <c>SheetSubmitted</c> event of a final.</param>
public sealed record Durability(bool Restarted, long Missing, long Duplicates);

/// <summary>
/// After the run: every acknowledged sheet must be in its final's journal (<c>GET /api/finals/{id}/journal</c>, a
/// <c>SheetSubmitted</c> event carrying its submissionId) exactly once: a retried sheet is one submission.
/// </summary>
public static class DurabilityCheck
{
    public static async Task<Durability> Read(Http http, AuthenticationHeaderValue admin, IReadOnlyList<FinalRun> finals, bool restarted)
    {
        long missing = 0, duplicates = 0;
        await Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, _) =>
        {
            using var journal = await http.GetJson($"api/finals/{f.Id}/journal", admin);
            var stored = new Dictionary<string, int>();
            foreach (var e in journal.RootElement.EnumerateArray())
                if (e.GetProperty("type").GetString() == "SheetSubmitted" && e.GetProperty("data").TryGetProperty("submissionId", out var id))
                    stored[id.GetString()!] = stored.GetValueOrDefault(id.GetString()!) + 1;
            int absent;
            lock (f.Gate) absent = f.Acked.Count(a => !stored.ContainsKey(a));
            Interlocked.Add(ref missing, absent);
            Interlocked.Add(ref duplicates, stored.Values.Count(n => n > 1));
        });
        return new Durability(restarted, missing, duplicates);
    }
}
