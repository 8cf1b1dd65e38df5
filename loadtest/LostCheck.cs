using System.Net.Http.Headers;
using System.Text.Json;

namespace Arena.LoadTest;

/// <summary>
/// After the run: every acknowledged sheet must be in its final's journal (<c>GET /api/finals/{id}/journal</c>, a
/// <c>SheetSubmitted</c> event carrying its submissionId). An acknowledged sheet that is not there is lost.
/// </summary>
public static class LostCheck
{
    public static async Task<long> Count(Http http, AuthenticationHeaderValue admin, IReadOnlyList<FinalRun> finals)
    {
        long lost = 0;
        await Parallel.ForEachAsync(finals, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, _) =>
        {
            using var journal = await http.GetJson($"api/finals/{f.Id}/journal", admin);
            var stored = new HashSet<string>();
            foreach (var e in journal.RootElement.EnumerateArray())
                if (e.GetProperty("type").GetString() == "SheetSubmitted" && e.GetProperty("data").TryGetProperty("submissionId", out var id))
                    stored.Add(id.GetString()!);
            int missing;
            lock (f.Gate) missing = f.Acked.Count(a => !stored.Contains(a));
            Interlocked.Add(ref lost, missing);
        });
        return lost;
    }
}
