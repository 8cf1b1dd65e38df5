using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>
/// The exported bundle checked as an auditor would: by the silo's <c>verify FILE</c> command, a separate process with
/// the file alone (no server, no database), before and after someone edits the file.
/// </summary>
public sealed class BundleTests(ServerFixture server)
{
    private async Task<(TestFinal Final, JsonObject Bundle)> PublishedFinal()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        foreach (var (judge, c1, c2) in new[] { ("j1", 70m, 60m), ("j2", 80m, 65m), ("j3", 90m, 70m) })
        {
            Assert.Equal(HttpStatusCode.OK, (await final.Score(judge, "c1", c1)).Status);
            Assert.Equal(HttpStatusCode.OK, (await final.Score(judge, "c2", c2)).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await final.Chief.Post($"api/finals/{final.Id}/publish", null)).Status);
        var bundle = await final.Admin.Get($"api/finals/{final.Id}/bundle");
        Assert.True(bundle.Status == HttpStatusCode.OK, bundle.ToString());
        return (final, bundle.Json!.AsObject());
    }

    private static async Task<(int Code, string Output)> Verify(JsonNode bundle, params string[] more)
    {
        var file = Path.Combine(Path.GetTempPath(), $"arena-bundle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, bundle.ToJsonString(), TestContext.Current.CancellationToken);
        try { return await SiloProcess.Command(["verify", file, .. more]); }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task a_true_bundle_verifies_offline_and_prints_the_servers_digests()
    {
        var (final, bundle) = await PublishedFinal();
        var online = (await final.Admin.Get($"api/finals/{final.Id}/verify")).Json!;
        Assert.Equal("ES256", bundle["key"]!["algorithm"]!.GetValue<string>());
        Assert.Equal(2 + 6 + 2, bundle["events"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() is "SheetSubmitted" or "FinalCreated" or "ResultsPublished" or "StreamsSealed"));

        var (code, output) = await Verify(bundle);
        Assert.True(code == 0, output);
        Assert.Contains($"digest:    {online["digest"]!.GetValue<string>()}", output);
        Assert.Contains($"published: {online["publishedDigest"]!.GetValue<string>()}", output);
        var keyId = bundle["key"]!["id"]!.GetValue<string>();
        Assert.Contains($"key:       {keyId}", output);

        Assert.Equal(0, (await Verify(bundle, "--key", keyId)).Code);
        var (wrongKey, why) = await Verify(bundle, "--key", "0123456789abcdef");
        Assert.Equal(1, wrongKey);
        Assert.Contains("not with the expected key 0123456789abcdef", why);
    }

    [Fact]
    public async Task an_edited_score_a_swapped_pair_a_removed_event_or_a_bad_signature_fail_naming_the_event()
    {
        var (_, bundle) = await PublishedFinal();
        var events = bundle["events"]!.AsArray();
        int Index(Func<JsonNode, bool> match) => events.Select((e, i) => (e, i)).First(x => match(x.e!)).i;
        bool Sheet(JsonNode e, string contestant, string judge) =>
            e["type"]!.GetValue<string>() == "SheetSubmitted" && e["stream"]!.GetValue<string>() == $"contestant:{contestant}" && e["data"]!.GetValue<string>().Contains($"\"judge\":\"{judge}\"");

        var cases = new Dictionary<string, (Action<JsonObject> Tamper, string Expected)>
        {
            ["edited score"] = (b => Edit(b, Index(e => Sheet(e, "c1", "j2")), e => e["data"] = e["data"]!.GetValue<string>().Replace("\"total\":80", "\"total\":90")),
                "contestant:c1: entry 1 (SheetSubmitted) does not match its hash"),
            ["swapped pair"] = (b => Swap(b, Index(e => Sheet(e, "c1", "j2")), Index(e => Sheet(e, "c2", "j2"))),
                "is out of order"),
            ["removed event"] = (b => b["events"]!.AsArray().RemoveAt(Index(e => Sheet(e, "c2", "j1"))),
                "contestant:c2: entry 0 is out of place"),
            ["bad signature"] = (b => Edit(b, Index(e => Sheet(e, "c2", "j3")), e => e["signature"] = events[0]!["signature"]!.GetValue<string>()),
                "contestant:c2: entry 2 (SheetSubmitted) is not signed with the journal key"),
            ["edited standings"] = (b => b["standings"]!["rows"]![0]!["total"] = 99,
                "the bundle's standings say rank 1, total 99"),
        };
        foreach (var (name, (tamper, expected)) in cases)
        {
            var copy = bundle.DeepClone().AsObject();
            tamper(copy);
            var (code, output) = await Verify(copy);
            Assert.True(code == 1, $"{name}: exit {code}: {output}");
            Assert.True(output.Contains("FAILED") && output.Contains(expected), $"{name}: {output}");
        }
        Assert.Equal(2, (await Verify(JsonNode.Parse("""{"format":"something else"}""")!)).Code);
    }

    [Fact]
    public async Task only_auditors_and_the_admin_export_a_bundle()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Get($"api/finals/{final.Id}/bundle")).Status);
        using var auditor = await final.Admin.SignIn(final.Id, "auditor", "auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get($"api/finals/{final.Id}/bundle")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await final.Admin.Get("api/finals/no-such-final/bundle")).Status);
    }

    private static void Edit(JsonObject bundle, int index, Action<JsonObject> change) => change(bundle["events"]!.AsArray()[index]!.AsObject());

    private static void Swap(JsonObject bundle, int a, int b)
    {
        var events = bundle["events"]!.AsArray();
        var (first, second) = (events[a]!.DeepClone(), events[b]!.DeepClone());
        events[a] = second;
        events[b] = first;
    }
}
