using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary>The public live view: opened by the admin (an event), watched by anyone without a token, closed again.</summary>
public sealed class PublicViewTests(ServerFixture server)
{
    [Fact]
    public async Task only_the_admin_opens_the_public_view_as_an_event_and_nothing_of_a_final_is_public_before()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get($"api/finals/{final.Id}/public")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get($"api/finals/{final.Id}/public/qr")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get("api/finals/made-up-final/public")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Get($"api/finals/{final.Id}/feed?stream=false")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await final.Chief.Post($"api/finals/{final.Id}/public", new { @public = true })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Admin.Post($"api/finals/{final.Id}/public", new { reason = "?" })).Status);
        var opened = await final.Admin.Post($"api/finals/{final.Id}/public", new { @public = true, reason = "streamed to the other schools" });
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        var again = await final.Admin.Post($"api/finals/{final.Id}/public", new { @public = true });
        Assert.Equal(opened.Json!["version"]!.GetValue<long>(), again.Json!["version"]!.GetValue<long>()); // already open: no second event
        var journal = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        var changed = Assert.Single(journal, e => e!["type"]!.GetValue<string>() == "PublicViewChanged")!;
        Assert.Equal("admin:admin", changed["actor"]!.GetValue<string>());
        Assert.Equal("streamed to the other schools", changed["data"]!["reason"]!.GetValue<string>());
        Assert.True((await final.Admin.Get($"api/finals/{final.Id}/info")).Json!["public"]!.GetValue<bool>());

        var live = await anonymous.Get($"api/finals/{final.Id}/public");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.True(live.Json!["state"]!["public"]!.GetValue<bool>());
        Assert.EndsWith($"/live/{final.Id}", live.Json["url"]!.GetValue<string>());
        Assert.Equal(["id", "name"], live.Json["definition"]!["judges"]![0]!.AsObject().Select(p => p.Key)); // no chief, panel or recusals
        Assert.DoesNotContain("recusals", live.Body);
        Assert.DoesNotContain("aggregation", live.Body);
        var qr = await anonymous.Get($"api/finals/{final.Id}/public/qr");
        Assert.Equal("image/svg+xml", qr.MediaType);
    }

    [Fact]
    public async Task an_anonymous_viewer_follows_the_public_feed_sees_a_reveal_only_once_the_round_is_complete_and_is_told_when_it_closes()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean().Gated());
        await final.Admin.Post($"api/finals/{final.Id}/public", new { @public = true });
        using var http = new HttpClient { BaseAddress = server.Silo.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/finals/{final.Id}/feed");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await Next(reader);
        Assert.Equal("screen", first["type"]!.GetValue<string>());
        Assert.Null(first["data"]!["reveal"]);
        await final.Chief.Post($"api/finals/{final.Id}/stage", new { contestant = "c1", round = "main" });
        Assert.Equal("c1", (await Until(reader, s => s["stage"] is JsonObject))["stage"]!["contestant"]!.GetValue<string>());
        await final.Score("j1", "c1", 80);
        var partial = await Until(reader, s => s["submitted"]!.AsArray().Count == 1);
        Assert.Null(partial["reveal"]); // one judge's number is not public before the round is complete
        Assert.DoesNotContain("80", partial["standings"]!.ToJsonString());
        await final.Score("j2", "c1", 90);
        await final.Score("j3", "c1", 70);
        var revealed = await Until(reader, s => s["reveal"] is JsonObject);
        Assert.Equal(80m, revealed["reveal"]!["score"]!.GetValue<decimal>());
        Assert.Equal(80m, revealed["standings"]!["rows"]!.AsArray().Single(r => r!["contestant"]!.GetValue<string>() == "c1")!["total"]!.GetValue<decimal>());

        // Anyone asking once gets the same (NDJSON, one line); a token that does not validate is refused, never served the public feed.
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        var once = await anonymous.Get($"api/finals/{final.Id}/feed?stream=false");
        Assert.Equal("application/x-ndjson", once.MediaType);
        Assert.Equal(80m, JsonNode.Parse(once.Body.Trim())!["data"]!["reveal"]!["score"]!.GetValue<decimal>());
        using var forged = new ArenaClient(server.Silo.BaseAddress, "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.Get($"api/finals/{final.Id}/feed?stream=false")).Status);

        await final.Admin.Post($"api/finals/{final.Id}/public", new { @public = false, reason = "the broadcast ended" });
        var last = await Until(reader, s => !s["public"]!.GetValue<bool>());
        Assert.False(last["public"]!.GetValue<bool>());
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            Assert.DoesNotContain("data: ", await reader.ReadToEndAsync(patience.Token)); // the stream ends there
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Get($"api/finals/{final.Id}/public")).Status);
    }

    private static async Task<JsonNode> Next(StreamReader reader)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await reader.ReadLineAsync(patience.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return JsonNode.Parse(line[6..])!;
        }
    }

    private static async Task<JsonNode> Until(StreamReader reader, Func<JsonNode, bool> done)
    {
        while (true)
        {
            var state = (await Next(reader))["data"]!;
            if (done(state)) return state;
        }
    }
}
