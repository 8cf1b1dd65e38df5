using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;
using Microsoft.AspNetCore.SignalR;

namespace Arena.Server.Tests.Api;

/// <summary>The log files in the data folder: one structured line per write, accepted or refused, with no secret in it.</summary>
public sealed class WriteLogTests(ServerFixture server)
{
    [Fact]
    public async Task every_write_over_http_and_the_hub_is_one_json_line_naming_the_caller_and_the_outcome_and_no_secret()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Gated());
        var issued = await final.Admin.Post($"api/finals/{final.Id}/access", new { role = "screen", subject = "hall" });
        var code = issued.Json!["code"]!.GetValue<string>();
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        var screenToken = (await anonymous.Post("api/auth/code", new { finalId = final.Id, code })).Json!["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("api/auth/admin", new { key = "wrong-key-123" })).Status);

        Assert.Equal(HttpStatusCode.Conflict, (await final.Score("j2", "c1", 80)).Status); // nobody on stage yet
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" })).Status);
        await using var tablet = await LiveClient.Connect(server.Silo.BaseAddress, "hubs/judge", final.Judges["j3"].Token!, "stage");
        await tablet.Invoke("Submit", new { submissionId = "s-ok", contestant = "c1", round = "main", score = 81 });
        var offStep = await Assert.ThrowsAsync<HubException>(() => tablet.Invoke("Submit", new { submissionId = "s-bad", contestant = "c1", round = "main", score = 80.3 }));
        Assert.Equal(400, LiveClient.StatusOf(offStep));

        var lines = await Eventually(() => Lines(final.Id), l => l.Count(e => (string?)e["Transport"] == "hub") == 2);
        var refusedHttp = Assert.Single(lines, l => (string?)l["Operation"] == "POST /api/finals/{id}/scores");
        Assert.Equal(("refused", 409, "judge", "j2"), ((string)refusedHttp["Outcome"]!, (int)refusedHttp["Status"]!, (string)refusedHttp["Role"]!, (string)refusedHttp["Subject"]!));
        Assert.Contains("stage", (string)refusedHttp["Reason"]!);
        var stage = Assert.Single(lines, l => (string?)l["Operation"] == "POST /api/finals/{id}/stage");
        Assert.Equal(("accepted", 200, "j1"), ((string)stage["Outcome"]!, (int)stage["Status"]!, (string)stage["Subject"]!));
        var hub = lines.Where(l => (string?)l["Operation"] == "JudgeHub.Submit").ToList();
        Assert.Equal(["accepted", "refused"], hub.Select(l => (string)l["Outcome"]!));
        Assert.Equal(400, (int)hub[1]["Status"]!);
        Assert.All(hub, l => Assert.Equal("j3", (string)l["Subject"]!));
        Assert.Equal(4, lines.Count(l => (string?)l["Operation"] == "POST /api/finals/{id}/access" && (string?)l["Role"] == "admin")); // 3 judges, 1 screen

        // The sign-ins are writes too, and nothing secret is in any file: no code, no token, no key tried.
        var all = await AllText();
        Assert.Contains("\"Operation\":\"POST /api/auth/admin\",\"Final\":\"-\",\"Role\":\"anonymous\",\"Subject\":\"-\",\"Status\":401", all);
        Assert.DoesNotContain(code, all);
        Assert.DoesNotContain(screenToken, all);
        Assert.DoesNotContain(final.Judges["j3"].Token!, all);
        Assert.DoesNotContain("wrong-key-123", all);
        Assert.DoesNotContain(server.Silo.AdminKey, all);
        Assert.DoesNotContain("JudgeHub.Submit", server.Silo.Output); // the files' record, not the console's
    }

    private async Task<string> AllText()
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(server.Silo.DataDir, "logs"), "arena-*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            texts.Add(await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken));
        }
        return string.Concat(texts);
    }

    private async Task<List<JsonNode>> Lines(string finalId) =>
        (await AllText()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .Where(l => (string?)l["@mt"] is { } template && template.StartsWith("{Outcome}", StringComparison.Ordinal) && (string?)l["Final"] == finalId)
            .ToList();

    private static async Task<List<JsonNode>> Eventually(Func<Task<List<JsonNode>>> read, Func<List<JsonNode>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = await read();
            if (done(lines) || DateTime.UtcNow > deadline) return lines;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
