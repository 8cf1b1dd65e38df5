using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Durability;

/// <summary>
/// Nothing acknowledged is ever lost: sheets acknowledged by the real server survive a SIGKILL the instant after,
/// on the embedded SQLite store and on PostgreSQL.
/// </summary>
public sealed class KillTests
{
    public static TheoryData<string> Stores => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task acknowledged_sheets_survive_a_kill_9_and_a_restart(string store)
    {
        await using var silo = new SiloProcess(settings: StoreSettings(store));
        await silo.StartAsync();
        var builder = new FinalBuilder(judges: 7, contestants: 4);
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, builder);

        // Every judge scores every contestant at once, as in a burst at a venue; kill as soon as the last ack is in.
        var random = new Random(7);
        var sheets = (from c in Enumerable.Range(1, 4) from j in Enumerable.Range(1, 7)
                      select (judge: $"j{j}", contestant: $"c{c}", score: random.Next(100, 200) / 2m)).ToList();
        var acks = await Task.WhenAll(sheets.Select(s => final.Score(s.judge, s.contestant, s.score)));
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await silo.KillAsync();

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var journal = (await again.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        Assert.Equal(sheets.Count, journal.Count(e => e!["type"]!.GetValue<string>() == "SheetSubmitted"));
        var standings = (await again.Get($"api/finals/{final.Id}/standings")).Json!["rows"]!.AsArray();
        Assert.Equal(4, standings.Count);
        Assert.All(standings, r => Assert.True(r!["complete"]!.GetValue<bool>()));
        foreach (var row in standings)
        {
            // trimmed mean of seven: drop one high, one low, mean of five, rounded half-up to 2 places
            var mine = sheets.Where(s => s.contestant == row!["contestant"]!.GetValue<string>()).Select(s => s.score).Order().ToList();
            var expected = Math.Round(mine.Skip(1).Take(5).Sum() / 5, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, row!["total"]!.GetValue<decimal>());
        }
        Assert.True((await again.Get($"api/finals/{final.Id}/verify")).Json!["ok"]!.GetValue<bool>());
    }

    public static Dictionary<string, string> StoreSettings(string store) => store switch
    {
        "Postgres" => new()
        {
            ["Arena:Storage"] = "Postgres",
            ["ConnectionStrings:Arena"] = TestPostgres.ConnectionString,
            ["Arena:ServiceId"] = "kill-" + Guid.NewGuid().ToString("N")[..8],
        },
        _ => [],
    };
}
