namespace Arena.LoadTest;

/// <summary>A screen state shaped and sized like Arena's (12 ranked rows, a reveal of 9 sheets), for the baseline hub.</summary>
public static class FakeState
{
    public sealed record Row(int Rank, string Contestant, string Name, decimal Total, Dictionary<string, decimal?> Rounds, bool Complete, string? Award);
    public sealed record Sheet(string Judge, decimal Total, bool Counted);

    private static readonly Row[] Rows = Enumerable.Range(1, 12)
        .Select(i => new Row(i, $"c{i}", $"选手{i}", 90m - i, new() { ["speech"] = 90m - i }, i < 6, i == 1 ? "一等奖" : null)).ToArray();
    private static readonly Sheet[] Sheets = Enumerable.Range(1, 9).Select(i => new Sheet($"j{i}", 80m + i, i is > 1 and < 9)).ToArray();
    private static readonly string[] Judges = Enumerable.Range(1, 9).Select(i => $"j{i}").ToArray();

    public static object For(string finalId, long version) => new
    {
        version,
        finalId,
        title = "负载测试决赛 " + finalId,
        stage = new { contestant = "c6", round = "speech" },
        submitted = Judges[..5],
        expected = Judges,
        reveal = new { contestant = "c5", round = "speech", score = 85.5m, sheets = Sheets },
        mode = "stage",
        timer = new { running = false, seconds = 0, elapsedMs = 0, startedAt = (DateTimeOffset?)null },
        published = false,
        standings = new { version, published = false, rows = Rows },
    };
}
