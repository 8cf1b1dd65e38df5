using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.Data.Sqlite;

namespace Arena.Server.Tests.Durability;

/// <summary>
/// A stream written behind its grain's back (a second activation in a split cluster, or a hand in the database) makes
/// the next write fail with 503 at once, nothing half-stored, instead of the grain retrying for ever; the retry reads
/// the stream again and succeeds, and verify names the row that did not come from this server.
/// </summary>
public sealed class JournalConflictTests
{
    [Fact]
    public async Task a_stream_written_behind_the_grain_s_back_fails_the_next_sheet_with_503_and_the_retry_goes_through()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 2).Mean());
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j1", "c1", 70, submissionId: "sheet-j1")).Status);

        // Another writer appends entry 1 of contestant:c1 (a copy of j1's sheet passed off as j3's).
        using (var db = new SqliteConnection($"Data Source={Path.Combine(silo.DataDir, "arena.db")};Pooling=false"))
        {
            db.Open();
            using var insert = db.CreateCommand();
            insert.CommandText = """
                INSERT INTO ArenaJournal (ServiceId, FinalId, Stream, Idx, At, Actor, Type, Data, Hash, Signature, Seq)
                SELECT ServiceId, FinalId, Stream, 1, At, 'judge:j3', Type,
                       replace(replace(Data, '"judge":"j1"', '"judge":"j3"'), 'sheet-j1', 'intruder'), Hash, Signature, Seq + 1
                FROM ArenaJournal WHERE FinalId = $f AND Stream = 'contestant:c1' AND Idx = 0
                """;
            insert.Parameters.AddWithValue("$f", final.Id);
            Assert.Equal(1, insert.ExecuteNonQuery());
        }

        var refused = await final.Score("j2", "c1", 80, submissionId: "sheet-j2");
        Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, refused.ToString());
        Assert.Contains("contestant:c1", refused.Json!["detail"]!.GetValue<string>());

        var retried = await final.Score("j2", "c1", 80, submissionId: "sheet-j2");
        Assert.True(retried.Status == HttpStatusCode.OK, retried.ToString());
        var journal = (await admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        Assert.Equal(["sheet-j1", "intruder", "sheet-j2"], journal.Where(e => e!["type"]!.GetValue<string>() == "SheetSubmitted")
            .Select(e => e!["data"]!["submissionId"]!.GetValue<string>()));
        var verify = (await admin.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.False(verify["ok"]!.GetValue<bool>());
        Assert.Contains(verify["problems"]!.AsArray(), p => p!.GetValue<string>().StartsWith("contestant:c1: entry 1 (SheetSubmitted)"));
    }
}
