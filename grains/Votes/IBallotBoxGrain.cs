using Orleans.Concurrency;

namespace Arena.Votes;

/// <summary>
/// One of the <see cref="Voters.Boxes"/> ballot boxes of a voting window (key <c>{final}/{window}/{box}</c>). Ownership:
/// the box decides and stores its ballots (one ticket or device, one ballot) in its own stream, so the hall's burst is
/// spread over boxes instead of queueing on the final; the final grain owns the window (opened, counted) and asks each
/// box once, when the window closes, for its exact count.
/// </summary>
public interface IBallotBoxGrain : IGrainWithStringKey
{
    /// <summary>Stores the ballot before answering; the same voter again with the same value is answered as the first time.</summary>
    Task<BallotAck> Cast(Ballot ballot);

    /// <summary>Ballots taken so far (the live count on the screen).</summary>
    [AlwaysInterleave]
    Task<int> Count();

    /// <summary>Takes no more ballots; the box's exact count (asked again, the same).</summary>
    Task<BoxCount> Close();
}
