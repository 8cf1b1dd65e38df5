using System.Net;
using Arena.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Arena.Server.Tests.Devices.Devices;

namespace Arena.Server.Tests.Cluster;

/// <summary>A code revoked on one node closes the tablet's connection held by the other node, and its token stops there too.</summary>
public sealed class RevocationAcrossNodesTests
{
    [Fact]
    public async Task a_code_revoked_on_one_node_closes_the_tablet_connected_to_the_other_within_a_second()
    {
        await using var nodes = await TwoNodes.StartAsync();
        using var adminA = await ArenaClient.Admin(nodes.A.BaseAddress, nodes.A.AdminKey);
        var builder = new FinalBuilder(judges: 3, contestants: 2);
        Assert.Equal(HttpStatusCode.Created, (await adminA.Post("api/finals", builder.ToString())).Status);
        var code = await Issue(adminA, builder.Id, "judge", "j2");

        // The tablet lives on node B: signed in there, its hub connection there.
        using var tablet = await SignIn(nodes.B.BaseAddress, builder.Id, code.Code, "tablet-b");
        await using var hub = await LiveClient.Connect(nodes.B.BaseAddress, "hubs/judge", tablet.Token!, "stage");
        var closed = Closed(hub);
        var ack = await hub.Invoke("Submit", new { submissionId = "b1", contestant = "c1", round = "main", score = 70 });
        Assert.True(ack.GetProperty("accepted").GetBoolean());

        var elapsed = await RevokeAndWaitForClose(adminA, builder.Id, code.Id, closed);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"closed {elapsed.TotalMilliseconds:0} ms after the DELETE answered on the other node");
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);

        var score = await tablet.Post($"api/finals/{builder.Id}/scores", new { submissionId = "b2", contestant = "c2", round = "main", score = 71 });
        Assert.Equal(HttpStatusCode.Unauthorized, score.Status);
        using var onA = new ArenaClient(nodes.A.BaseAddress, tablet.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.Get($"api/finals/{builder.Id}/info")).Status);
    }
}
