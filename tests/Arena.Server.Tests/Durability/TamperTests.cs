using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.Data.Sqlite;

namespace Arena.Server.Tests.Durability;

/// <summary>The journal is hash-chained: changing a stored score behind the server's back is caught by verify.</summary>
public sealed class TamperTests
{
    [Fact]
    public async Task verify_catches_a_score_changed_in_the_database()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 1).Mean());
        await final.Score("j1", "c1", 70);
        await final.Score("j2", "c1", 80);
        await final.Score("j3", "c1", 90);
        Assert.True((await admin.Get($"api/finals/{final.Id}/verify")).Json!["ok"]!.GetValue<bool>());
        await silo.KillAsync();

        // Someone with access to the database file raises judge 2's 80 to 90 in the stored journal row.
        int changed;
        using (var db = new SqliteConnection($"Data Source={Path.Combine(silo.DataDir, "arena.db")};Pooling=false"))
        {
            db.Open();
            using var write = db.CreateCommand();
            write.CommandText = """
                UPDATE ArenaJournal SET Data = replace(Data, $from, $to)
                WHERE FinalId = $f AND Stream = 'contestant:c1' AND instr(Data, $from) > 0
                """;
            write.Parameters.AddWithValue("$f", final.Id);
            write.Parameters.AddWithValue("$from", "\"judge\":\"j2\",\"round\":\"main\",\"total\":80");
            write.Parameters.AddWithValue("$to", "\"judge\":\"j2\",\"round\":\"main\",\"total\":90");
            changed = write.ExecuteNonQuery();
        }
        Assert.True(changed > 0, "the test found no stored sheet to tamper with");

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var verify = (await again.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.False(verify["ok"]!.GetValue<bool>());
        Assert.Contains(verify["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("contestant:c1"));
    }
}
