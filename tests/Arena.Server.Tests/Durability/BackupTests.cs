using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Durability;

/// <summary>
/// <c>Arena.Silo backup FILE</c> while judges are submitting, <c>restore FILE</c> into a new folder, a server started
/// on it: the journal verifies with the restored keys and every sheet acknowledged before the backup began is there.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task a_backup_taken_under_load_restores_into_a_server_that_verifies_and_has_every_sheet_acknowledged_before_it()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 40).Mean());

        // Judges keep submitting (one contestant after another) while the backup runs.
        var acked = new ConcurrentDictionary<string, DateTime>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            for (var c = 1; c <= 40 && !stop.IsCancellationRequested; c++)
                for (var j = 1; j <= 3; j++)
                {
                    var id = $"j{j}-c{c}";
                    var r = await final.Judges[$"j{j}"].Post($"api/finals/{final.Id}/scores", new { submissionId = id, contestant = $"c{c}", round = "main", score = 50 + c });
                    if (r.Status == HttpStatusCode.OK) acked[id] = DateTime.UtcNow;
                }
        }, TestContext.Current.CancellationToken);
        while (acked.Count < 20) await Task.Delay(20, TestContext.Current.CancellationToken);

        var file = Path.Combine(Directory.CreateTempSubdirectory("arena-backup-").FullName, "backup.zip");
        var started = DateTime.UtcNow;
        var (code, output) = await SiloProcess.Command("backup", file, "--Arena:DataDir", silo.DataDir);
        Assert.True(code == 0, output);
        var before = acked.Where(a => a.Value < started).Select(a => a.Key).ToList();
        await load; // the rest of the sheets, after the backup
        Assert.True(acked.Count > before.Count, "the load went on during the backup");
        using (var zip = ZipFile.OpenRead(file))
            Assert.Superset(new HashSet<string> { "arena.db", "journal.key", "token-signing.key", "arena-backup.json" }, zip.Entries.Select(e => e.Name).ToHashSet());

        // Restore into a new folder, never over one in use.
        Assert.Equal(2, (await SiloProcess.Command("restore", file, "--Arena:DataDir", silo.DataDir)).Code);
        var restoredDir = Path.Combine(Path.GetDirectoryName(file)!, "restored");
        var restore = await SiloProcess.Command("restore", file, "--Arena:DataDir", restoredDir);
        Assert.True(restore.Code == 0, restore.Output);

        await using var restored = new SiloProcess(dataDir: restoredDir);
        await restored.StartAsync();
        using var again = await ArenaClient.Admin(restored.BaseAddress, restored.AdminKey);
        var verify = (await again.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
        var stored = (await again.Get($"api/finals/{final.Id}/journal")).Json!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "SheetSubmitted").Select(e => e!["data"]!["submissionId"]!.GetValue<string>()).ToHashSet();
        var missing = before.Where(id => !stored.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"acknowledged before the backup, missing after the restore: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task the_admin_downloads_the_same_backup_and_nobody_else_can()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 1).Mean());
        var download = await admin.Download("api/backup");
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/zip", download.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(download.Bytes)))
            Assert.Contains(zip.Entries, e => e.Name == "journal.key");
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j1"].Get("api/backup")).Status);
        using var anonymous = new ArenaClient(silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Get("api/backup")).Status);
    }
}
