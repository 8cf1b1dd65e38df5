using System.Text.Json;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>
/// The fan-out across nodes: screens connected to the node that does not host the final grain get every change, in
/// version order, through that node's one observer — and keep getting them after the grain's node dies.
/// </summary>
public sealed class LiveAcrossNodesTests
{
    [Fact]
    public async Task screens_on_the_other_node_get_every_update_in_order_and_keep_going_after_the_host_dies()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await using var show = await Show.Start(nodes, contestants: 4);
        using var screenToken = await show.Admin.SignIn(show.FinalId, "screen", "大屏");
        await using var screen = await LiveClient.Connect(show.Survivor.BaseAddress, "hubs/screen", screenToken.Token!, "update");
        var joined = await screen.Invoke("Join", show.FinalId);
        var versions = new List<long> { joined.GetProperty("version").GetInt64() };

        await show.ScoreEveryone(["c1"]);
        var complete = await screen.Next("update", u => Row(u, "c1")?.GetProperty("complete").GetBoolean() == true);
        versions.AddRange(screen.Drain().Select(u => u.Payload.GetProperty("version").GetInt64()));
        versions.Add(complete.GetProperty("version").GetInt64());
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Distinct(), versions);

        // The host dies; the grain comes back on the screens' node, which subscribes again within its renewal period.
        await show.Host.KillAsync();
        var after = await show.ScoreInTurn(["c2", "c3"], pause: TimeSpan.Zero);
        Assert.All(after, s => Assert.True(s.Acknowledged, $"{s.SubmissionId}: {string.Join(" | ", s.Failures)}"));
        var caughtUp = await screen.Next("update", u => Row(u, "c3")?.GetProperty("complete").GetBoolean() == true, TimeSpan.FromSeconds(30));
        Assert.True(Row(caughtUp, "c2")!.Value.GetProperty("complete").GetBoolean());
        Assert.True(caughtUp.GetProperty("version").GetInt64() > versions.Max());
    }

    private static JsonElement? Row(JsonElement update, string contestant)
    {
        foreach (var row in update.GetProperty("state").GetProperty("standings").GetProperty("rows").EnumerateArray())
            if (row.GetProperty("contestant").GetString() == contestant) return row;
        return null;
    }
}
