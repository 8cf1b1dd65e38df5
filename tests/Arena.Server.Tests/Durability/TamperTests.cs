using System.Text;
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

        // Someone with access to the database file raises judge 2's 80 to 90, keeping the bytes' length.
        var changed = 0;
        using (var db = new SqliteConnection($"Data Source={Path.Combine(silo.DataDir, "arena.db")};Pooling=false"))
        {
            db.Open();
            var rows = new List<(long RowId, byte[] Payload)>();
            using (var read = db.CreateCommand())
            {
                read.CommandText = "SELECT rowid, PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
                using var reader = read.ExecuteReader();
                while (reader.Read()) rows.Add((reader.GetInt64(0), (byte[])reader[1]));
            }
            foreach (var (rowId, payload) in rows)
            {
                var tampered = Replace(payload, "\"judge\":\"j2\",\"round\":\"main\",\"total\":80", "\"judge\":\"j2\",\"round\":\"main\",\"total\":90");
                if (tampered is null) continue;
                using var write = db.CreateCommand();
                write.CommandText = "UPDATE OrleansStorage SET PayloadBinary = $p WHERE rowid = $r";
                write.Parameters.AddWithValue("$p", tampered);
                write.Parameters.AddWithValue("$r", rowId);
                changed += write.ExecuteNonQuery();
            }
        }
        Assert.True(changed > 0, "the test found no stored sheet to tamper with");

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var verify = (await again.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.False(verify["ok"]!.GetValue<bool>());
        Assert.Contains(verify["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("contestant:c1"));
    }

    private static byte[]? Replace(byte[] payload, string from, string to)
    {
        var (a, b) = (Encoding.UTF8.GetBytes(from), Encoding.UTF8.GetBytes(to));
        var copy = (byte[])payload.Clone();
        var found = false;
        for (var at = copy.AsSpan().IndexOf(a); at >= 0; at = copy.AsSpan().IndexOf(a))
        {
            b.CopyTo(copy, at);
            found = true;
        }
        return found ? copy : null;
    }
}
