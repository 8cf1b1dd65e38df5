using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Api;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Durability;

/// <summary>An amended final comes back amended after a restart on the same data folder, added contestants' sheets included.</summary>
public sealed class AmendmentRestartTests
{
    [Fact]
    public async Task an_amended_final_survives_a_restart_with_the_added_contestant_s_sheets()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var builder = new FinalBuilder(judges: 3, contestants: 2).Mean();
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            var final = await TestFinal.Create(admin, builder);
            await final.Score("j1", "c1", 80);
            builder.With(d =>
            {
                d["title"] = "改过的标题";
                d["contestants"]!.AsArray().Add(new JsonObject { ["id"] = "c3", ["name"] = "补报选手", ["order"] = 3 });
                d["rounding"]!["decimals"] = 1;
            });
            Assert.Equal(HttpStatusCode.OK, (await AmendmentTests.Amend(admin, builder, "补报选手")).Status);
            Assert.Equal(HttpStatusCode.OK, (await final.Score("j2", "c3", 90.5m)).Status);
        }
        await silo.StopAsync(TimeSpan.FromSeconds(30));

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var info = (await again.Get($"api/finals/{builder.Id}")).Json!;
        Assert.Equal("改过的标题", info["definition"]!["title"]!.GetValue<string>());
        var rows = (await again.Get($"api/finals/{builder.Id}/standings")).Json!["rows"]!.AsArray();
        // No round is complete yet (one sheet of three each): nobody is ranked, the rows follow the running order.
        Assert.Equal(["c1", "c2", "c3"], rows.Select(r => r!["contestant"]!.GetValue<string>()));
        Assert.Equal(90.5m, rows[2]!["total"]!.GetValue<decimal>());
        Assert.All(rows, r => Assert.Equal(0, r!["rank"]!.GetValue<int>()));
        var verify = await again.Get($"api/finals/{builder.Id}/verify");
        Assert.True(verify.Json!["ok"]!.GetValue<bool>(), verify.Body);
    }
}
