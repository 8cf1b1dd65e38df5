using Arena.Finals;
using Arena.Web.Auth;

namespace Arena.Silo.Cluster;

/// <summary>
/// What an operator asks when a node misbehaves: which nodes the cluster has and in what state, which node this is,
/// and where a final's grain lives right now. Admin only: it shows the cluster's addresses.
/// </summary>
public static class ClusterApi
{
    public sealed record ClusterView(string Node, IReadOnlyList<MemberView> Members);

    public sealed record MemberView(string Silo, string Name, string Status);

    public sealed record PlacementView(string Final, string? Silo);

    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var cluster = app.MapGroup("/api/cluster").RequireAuthorization().WithTags("cluster");

        cluster.MapGet("/", async (HttpContext http, IGrainFactory grains, ILocalSiloDetails self) =>
        {
            http.User.RequireAdmin();
            var members = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts();
            return TypedResults.Ok(new ClusterView(self.SiloAddress.ToString(),
                [.. members.Select(m => new MemberView(m.SiloAddress.ToString(), m.SiloName, m.Status.ToString()))]));
        });

        // Where the final's grain is active now; null when it is not active anywhere (asking does not activate it).
        cluster.MapGet("/finals/{id}", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            http.User.RequireAdmin();
            var silo = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IFinalGrain>(id));
            return TypedResults.Ok(new PlacementView(id, silo?.ToString()));
        });
        return app;
    }
}
