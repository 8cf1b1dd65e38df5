using Orleans.Configuration;

namespace Arena.Silo.Cluster;

/// <summary>
/// How fast the cluster gives up on a node that stopped answering (a crash, a kill, a pulled cable). Until a node is
/// declared dead, calls to the grains it hosted fail or wait; once it is, they activate on a live node from storage.
/// Orleans' defaults (a probe every ~5 s, suspect after 3 missed) suit data centres with many silos; a venue's two or
/// three nodes on one network can decide sooner, and every second counts while judges wait to submit.
/// </summary>
internal static class FailureDetection
{
    public static void Configure(ClusterMembershipOptions options)
    {
        // A probe every ~2 s (Orleans adapts the timeout between 1 and 8 s to the measured round trips, and lengthens
        // it while this node itself is degraded, e.g. starved of CPU, so a slow node does not vote a healthy one
        // out): a node that died is suspected after three missed probes. In a cluster of two the survivor's vote alone
        // declares it dead; in larger ones two nodes must agree (NumVotesForDeathDeclaration, default 2).
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
    }
}
