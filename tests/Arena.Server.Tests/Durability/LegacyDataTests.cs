using System.Text.Json.Nodes;
using Arena.Testing;

namespace Arena.Server.Tests.Durability;

/// <summary>A data folder written before the journal table existed opens with nothing lost (Fixtures/legacy-logstorage).</summary>
public sealed class LegacyDataTests
{
    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "legacy-logstorage", file);

    [Fact]
    public async Task a_final_scored_before_the_journal_table_reads_back_the_same_and_still_verifies()
    {
        var dataDir = Directory.CreateTempSubdirectory("arena-legacy-").FullName;
        File.Copy(Fixture("arena.db"), Path.Combine(dataDir, "arena.db"));
        await using var silo = new SiloProcess(dataDir);
        await silo.StartAsync();
        string[] codeIds;
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            await AssertAsRecorded(admin, events: 9);
            // The access codes stored before codes had ids are all there, each given an id (so it can be revoked).
            codeIds = await CodeIds(admin);
            Assert.NotEmpty(codeIds);
            Assert.All(codeIds, id => Assert.Matches("^[a-z2-9]{8}$", id));
            // The migrated stream continues: the next event takes the next index and links to the last migrated hash.
            var call = await admin.Post("api/finals/legacy-final/stage", new { contestant = "c2", round = "main" });
            Assert.Equal(System.Net.HttpStatusCode.OK, call.Status);
        }
        Assert.Contains("Migrated 3 journal streams (9 events)", silo.Output);

        // The second start finds nothing left to migrate and reads the journal table alone.
        await silo.StopAsync(TimeSpan.FromSeconds(30));
        var firstRun = silo.Output.Length;
        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        await AssertAsRecorded(again, events: 10);
        Assert.DoesNotContain("Migrated", silo.Output[firstRun..]);
        Assert.Equal(codeIds, await CodeIds(again)); // given once, stored
    }

    private static async Task<string[]> CodeIds(ArenaClient admin) =>
        [.. (await admin.Get("api/finals/legacy-final/access")).Json!.AsArray().Select(c => c!["id"]!.GetValue<string>())];

    private static async Task AssertAsRecorded(ArenaClient admin, int events)
    {
        var journal = (await admin.Get("api/finals/legacy-final/journal")).Json!.AsArray();
        var recordedJournal = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("journal.json")))!.AsArray();
        Assert.Equal(events, journal.Count);
        // Every field the earlier build answered is the same (the journal now also names each entry's index and signature).
        for (var i = 0; i < recordedJournal.Count; i++)
            foreach (var (field, value) in recordedJournal[i]!.AsObject())
                Assert.True(JsonNode.DeepEquals(value, journal[i]![field]), $"{field}: {journal[i]!.ToJsonString()}");

        var standings = (await admin.Get("api/finals/legacy-final/standings")).Json!.AsObject();
        var recorded = JsonNode.Parse(await File.ReadAllTextAsync(Fixture("standings.json")))!.AsObject();
        // Every field of every row the earlier build answered is the same (rows now also say whether a contestant withdrew).
        var rows = standings["rows"]!.AsArray();
        Assert.Equal(recorded["rows"]!.AsArray().Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
            foreach (var (field, value) in recorded["rows"]![i]!.AsObject())
                Assert.True(JsonNode.DeepEquals(value, rows[i]![field]), $"{field}: {standings.ToJsonString()}");
        Assert.All(rows, row => Assert.Null(row!["withdrawn"]));

        var verify = (await admin.Get("api/finals/legacy-final/verify")).Json!;
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(events, verify["events"]!.GetValue<int>());
    }
}
