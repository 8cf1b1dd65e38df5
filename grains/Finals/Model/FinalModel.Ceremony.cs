using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// The ceremony: the operator reveals the award tiers one at a time from the lowest (三等奖, 二等奖, then 一等奖), and may
// hold the screens' ranking as it stood at one journal event while the emcee speaks. Both are events of the final's
// stream, so a reload, a restart or a node move shows the same step.
public sealed partial class FinalModel
{
    private readonly List<string> _revealedTiers = [];

    /// <summary>The award tiers shown so far, in the order they were revealed (lowest first).</summary>
    public IReadOnlyList<string> RevealedTiers => _revealedTiers;

    /// <summary>The ranking the screens show while held: as it stood after journal event <c>Version</c>.</summary>
    public StandingsView? HeldRanking { get; private set; }

    public CeremonyView CeremonyState()
    {
        var tiers = RequireDefinition().Awards;
        var next = _revealedTiers.Count < tiers.Count ? tiers[tiers.Count - 1 - _revealedTiers.Count].Title : null;
        return new CeremonyView([.. _revealedTiers], next, HeldRanking is not null, HeldRanking?.Version);
    }

    private Decision RevealTier(Caller caller)
    {
        var d = ShowRunner(caller);
        if (d.Awards.Count == 0) throw ArenaProblem.Conflict("This final has no award tiers to reveal.");
        if (_revealedTiers.Count == d.Awards.Count) throw ArenaProblem.Conflict("Every award tier has been revealed.");
        var open = Standings.Full.Rows.Where(r => !r.Complete && r.Withdrawn is null).Select(r => r.Name).ToList();
        if (open.Count > 0)
            throw ArenaProblem.Conflict($"Awards can be revealed only when every contestant is complete; still provisional: {string.Join(", ", open)}.");
        return Decision.Of(StreamHeads.Final, new AwardTierRevealed(d.Awards[d.Awards.Count - 1 - _revealedTiers.Count].Title));
    }

    private Decision Hold(Caller caller)
    {
        ShowRunner(caller);
        if (HeldRanking is not null) throw ArenaProblem.Conflict($"The ranking is already held (at event {HeldRanking.Version}).");
        return Decision.Of(StreamHeads.Final, new RankingHeld(Seq));
    }

    private Decision ReleaseHeld(Caller caller)
    {
        ShowRunner(caller);
        if (HeldRanking is null) throw ArenaProblem.Conflict("The ranking is not held.");
        return Decision.Of(StreamHeads.Final, new RankingReleased());
    }

    // The held view is taken when the event is folded: nothing between the decision and the fold changed the standings,
    // so it is the ranking as of AtSeq, on the live grain and on a replay alike.
    private void ApplyHold(RankingHeld h) => HeldRanking = ToView(Standings.Revealed, h.AtSeq, Published);
}
