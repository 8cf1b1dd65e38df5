using System.Data.Common;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Arena.Server.Tests.Durability;

/// <summary>
/// Whoever can write the database cannot change a final's journal unnoticed: an edited score, a deleted event, a
/// stream cut short or rolled back to before a correction, and a forged event with a recomputed hash are each caught
/// by verify after a restart, naming the stream, the first bad entry and why. On SQLite and on PostgreSQL.
/// </summary>
public sealed class JournalTamperTests
{
    public static TheoryData<string> Stores => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task verify_names_the_first_bad_event_whatever_was_done_to_the_stored_journal(string store)
    {
        await using var silo = new SiloProcess(settings: KillTests.StoreSettings(store));
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        // Each final: j1..j3 score c1 (complete: sealed with 3 entries), the chief reopens j2's sheet, j2 corrects it
        // (complete again: sealed with 5 entries). Stream contestant:c1 = sheet, sheet, sheet, reopen, sheet.
        var kinds = new[] { "untouched", "edited", "deleted", "truncated", "rolled-back", "forged" };
        var finals = new Dictionary<string, TestFinal>();
        foreach (var kind in kinds)
        {
            var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 2).Mean());
            await final.Score("j1", "c1", 70);
            await final.Score("j2", "c1", 80);
            await final.Score("j3", "c1", 90);
            var reopened = await final.Chief.Post($"api/finals/{final.Id}/sheets/reopen", new { contestant = "c1", round = "main", judge = "j2", reason = "typo" });
            Assert.True(reopened.Status == System.Net.HttpStatusCode.OK, reopened.ToString());
            await final.Score("j2", "c1", 85);
            Assert.True((await admin.Get($"api/finals/{final.Id}/verify")).Json!["ok"]!.GetValue<bool>());
            finals[kind] = final;
        }
        await silo.KillAsync();

        await using (var db = Open(store, silo))
        {
            var t = Table(store);
            await Run(db, $"UPDATE {t.Name} SET {t.Data} = replace({t.Data}, '\"total\":70', '\"total\":100') WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} = 0", finals["edited"].Id);
            await Run(db, $"DELETE FROM {t.Name} WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} = 1", finals["deleted"].Id);
            await Run(db, $"DELETE FROM {t.Name} WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} = 4", finals["truncated"].Id);
            await Run(db, $"DELETE FROM {t.Name} WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} >= 3", finals["rolled-back"].Id);
            // The forger knows the hash formula but not the journal key: edit the score and recompute the chain's hash.
            await Forge(db, t, finals["forged"].Id);
        }

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var expected = new Dictionary<string, string[]>
        {
            ["edited"] = ["contestant:c1: entry 0 (SheetSubmitted) does not match its hash"],
            ["deleted"] = ["contestant:c1: entry 1 is out of place"],
            ["truncated"] = ["contestant:c1: the final's entry", "recorded 5 entries; only 4 are stored"],
            ["rolled-back"] = ["contestant:c1: the final's entry", "recorded 5 entries; only 3 are stored"],
            ["forged"] = ["contestant:c1: entry 0 (SheetSubmitted) is not signed with the journal key"],
        };
        foreach (var (kind, final) in finals)
        {
            var verify = (await again.Get($"api/finals/{final.Id}/verify")).Json!;
            var problems = verify["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            if (kind == "untouched") { Assert.True(verify["ok"]!.GetValue<bool>(), string.Join("; ", problems)); continue; }
            Assert.False(verify["ok"]!.GetValue<bool>(), kind);
            Assert.True(problems.Any(p => expected[kind].All(p.Contains)), $"{kind}: {string.Join("; ", problems)}");
            // A journal that does not verify is not printed with a digest that would vouch for it.
            Assert.Equal(System.Net.HttpStatusCode.Conflict, (await again.Download($"api/finals/{final.Id}/result-sheet.pdf")).Status);
        }
    }

    internal sealed record JournalTable(string Name, string Final, string Stream, string Idx, string Data, string Hash, string At, string Actor, string Type, string Seq);

    internal static JournalTable Table(string store) => store == "Postgres"
        ? new("arena_journal", "final_id", "stream", "idx", "data", "hash", "at", "actor", "type", "seq")
        : new("ArenaJournal", "FinalId", "Stream", "Idx", "Data", "Hash", "At", "Actor", "Type", "Seq");

    internal static DbConnection Open(string store, SiloProcess silo)
    {
        DbConnection db = store == "Postgres"
            ? new NpgsqlConnection(TestPostgres.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(silo.DataDir, "arena.db")};Pooling=false");
        db.Open();
        return db;
    }

    internal static async Task<int> Run(DbConnection db, string sql, string finalId)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        (p.ParameterName, p.Value) = ("f", finalId);
        command.Parameters.Add(p);
        var changed = await command.ExecuteNonQueryAsync();
        Assert.True(changed > 0, $"the test changed nothing with: {sql}");
        return changed;
    }

    private static async Task Forge(DbConnection db, JournalTable t, string finalId)
    {
        await using var read = db.CreateCommand();
        read.CommandText = $"SELECT {t.At}, {t.Actor}, {t.Type}, {t.Data}, {t.Seq} FROM {t.Name} WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} = 0";
        var p = read.CreateParameter();
        (p.ParameterName, p.Value) = ("f", finalId);
        read.Parameters.Add(p);
        string at, actor, type, data;
        long seq;
        await using (var row = await read.ExecuteReaderAsync())
        {
            Assert.True(await row.ReadAsync());
            (at, actor, type, data, seq) = (row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt64(4));
        }
        var forged = data.Replace("\"total\":70", "\"total\":100");
        var hash = Arena.Journal.HashChain.Link(Arena.Journal.HashChain.Genesis("contestant:c1"), "contestant:c1", 0,
            DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), actor, type, forged, seq);
        await Run(db, $"UPDATE {t.Name} SET {t.Data} = '{forged.Replace("'", "''")}', {t.Hash} = '{hash}' WHERE {t.Final} = @f AND {t.Stream} = 'contestant:c1' AND {t.Idx} = 0", finalId);
    }
}
