using System.Net;
using Arena.Testing;
using static Arena.Server.Tests.Devices.Devices;

namespace Arena.Server.Tests.Devices;

/// <summary>Revocation is read back from disk: a server restarted on the same data folder still refuses the code.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task a_revocation_survives_a_restart_of_the_server()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var builder = new FinalBuilder(judges: 3, contestants: 1);
        string token, finalId = builder.Id;
        Issued code;
        using (var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey))
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.Post("api/finals", builder.ToString())).Status);
            code = await Issue(admin, finalId, "judge", "j1");
            using var tablet = await SignIn(silo.BaseAddress, finalId, code.Code, "tablet");
            token = tablet.Token!;
            Assert.Equal(HttpStatusCode.NoContent, (await admin.Delete($"api/finals/{finalId}/access/{code.Id}?reason=lost")).Status);
        }

        await silo.StopAsync(TimeSpan.FromSeconds(30));
        await silo.StartAsync();

        using var again = new ArenaClient(silo.BaseAddress, token);
        var refused = await again.Post($"api/finals/{finalId}/scores", new { submissionId = "a", contestant = "c1", round = "main", score = 50 });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Redeem(silo.BaseAddress, finalId, code.Code, "tablet")).Status);
        using var admin2 = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        Assert.Equal("revoked", (await Listed(admin2, finalId, code.Id))["state"]!.GetValue<string>());
    }
}
