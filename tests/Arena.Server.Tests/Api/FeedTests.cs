using System.Net;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

/// <summary><c>GET /api/finals/{id}/feed</c>: the journal as a gap-free, resumable feed (NDJSON and Server-Sent Events).</summary>
public sealed class FeedTests(ServerFixture server)
{
    [Fact]
    public async Task the_feed_has_every_event_in_order_without_gaps_and_the_standings_after_each_change()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        for (var j = 1; j <= 3; j++) await final.Score($"j{j}", "c1", 80 + j);
        var lines = await Lines(final.Admin, $"api/finals/{final.Id}/feed?stream=false");
        var events = lines.Where(l => l["type"]!.GetValue<string>() == "event").ToList();
        var journal = (await final.Admin.Get($"api/finals/{final.Id}/journal")).Json!.AsArray();
        Assert.Equal(journal.Select(e => e!["seq"]!.GetValue<long>()), events.Select(e => e["seq"]!.GetValue<long>())); // 1, 2, 3, … no gap
        Assert.Equal(journal.Select(e => e!["type"]!.GetValue<string>()), events.Select(e => e["event"]!.GetValue<string>()));
        Assert.Equal("FinalCreated", events[0]["event"]!.GetValue<string>());
        // The last sheet completes c1's round: its standings line follows it and carries the mean, 82.
        var last = lines.FindLastIndex(l => l["event"]?.GetValue<string>() == "SheetSubmitted");
        Assert.Equal($"{lines[last]["seq"]}s", lines[last + 1]["id"]!.GetValue<string>());
        Assert.Equal(82m, lines[last + 1]["data"]!["rows"]![0]!["total"]!.GetValue<decimal>());

        // Resuming after any line gives exactly what came after it.
        var cut = lines[4]["id"]!.GetValue<string>();
        var rest = await Lines(final.Admin, $"api/finals/{final.Id}/feed?stream=false&since={cut}");
        Assert.Equal(lines.Skip(5).Select(l => l["id"]!.GetValue<string>()), rest.Select(l => l["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task only_officials_read_the_feed_and_a_bad_position_is_400()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        using var screen = await final.Admin.SignIn(final.Id, "screen", "hall");
        using var auditor = await final.Admin.SignIn(final.Id, "auditor", "office");
        using var anonymous = new ArenaClient(server.Silo.BaseAddress);
        var path = $"api/finals/{final.Id}/feed?stream=false";
        Assert.Equal(HttpStatusCode.OK, (await auditor.Get(path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.Get(path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await final.Judges["j2"].Get(path)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Get(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await final.Admin.Get("api/finals/nope/feed?stream=false")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await final.Admin.Get(path + "&since=yesterday")).Status);
    }

    [Fact]
    public async Task server_sent_events_stream_a_new_sheet_as_it_is_stored_and_resume_from_the_last_event_id()
    {
        var final = await server.Create(new FinalBuilder(judges: 3, contestants: 1).Mean());
        using var http = new HttpClient { BaseAddress = server.Silo.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/finals/{final.Id}/feed");
        request.Headers.Authorization = new("Bearer", server.Admin.Token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var created = await NextEvent(reader);
        Assert.Equal("1", created.Id);
        Assert.Equal(HttpStatusCode.OK, (await final.Score("j1", "c1", 90)).Status);
        var sheet = created;
        while (sheet.Data["event"]?.GetValue<string>() != "SheetSubmitted") sheet = await NextEvent(reader); // pushed, no reconnect
        Assert.Equal("judge:j1", sheet.Data["actor"]!.GetValue<string>());

        // A browser reconnecting sends the last id it saw: the feed goes on from there.
        using var again = new HttpRequestMessage(HttpMethod.Get, $"api/finals/{final.Id}/feed?stream=false");
        again.Headers.Authorization = new("Bearer", server.Admin.Token);
        again.Headers.Accept.ParseAdd("text/event-stream");
        again.Headers.Add("Last-Event-ID", created.Id);
        var resumed = await (await http.SendAsync(again, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("id: 1\n", resumed);
        Assert.Contains($"id: {sheet.Id}\nevent: event\n", resumed);
    }

    [Fact]
    public async Task a_client_resumes_after_a_server_restart_with_no_gap_and_no_duplicate()
    {
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var final = await TestFinal.Create(admin, new FinalBuilder(judges: 3, contestants: 2).Mean());
        await final.Score("j1", "c1", 80);
        var before = await Lines(admin, $"api/finals/{final.Id}/feed?stream=false");

        await silo.KillAsync(); // a kill -9: what the feed gave must come back from disk
        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        using var j2 = await again.SignIn(final.Id, "judge", "j2");
        Assert.Equal(HttpStatusCode.OK, (await j2.Post($"api/finals/{final.Id}/scores", new { submissionId = "after-restart", contestant = "c1", round = "main", score = 70 })).Status);

        var after = await Lines(again, $"api/finals/{final.Id}/feed?stream=false&since={before[^1]["id"]}");
        var seqs = before.Concat(after).Where(l => l["type"]!.GetValue<string>() == "event").Select(l => l["seq"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs); // 1…n once each across the restart
        Assert.Contains(after, l => l["data"]?["submissionId"]?.GetValue<string>() == "after-restart");
        var all = await Lines(again, $"api/finals/{final.Id}/feed?stream=false");
        Assert.Equal(all.Select(l => l["id"]!.GetValue<string>()), before.Concat(after).Select(l => l["id"]!.GetValue<string>()));
    }

    private sealed record SseEvent(string Id, JsonNode Data);

    private static async Task<SseEvent> NextEvent(StreamReader reader)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? id = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(patience.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("id: ")) id = line[4..];
            else if (line.StartsWith("data: ") && id is not null) return new SseEvent(id, JsonNode.Parse(line[6..])!);
        }
    }

    private static async Task<List<JsonNode>> Lines(ArenaClient client, string path)
    {
        var r = await client.Get(path);
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        Assert.Equal("application/x-ndjson", r.MediaType);
        return [.. r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
    }
}
