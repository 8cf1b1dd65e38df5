namespace Arena.Votes;

// A ballot box's stream (journal "{final}#ballots", stream "box:{window}:{box}"): the ballots it took, then its closing.

/// <summary>A ballot: the voter (<see cref="Voters"/>: a ticket's number or a device's hash, never the code) and its value
/// (0/1 for share, 1–10 for rating).</summary>
[GenerateSerializer, Immutable, Alias("arena.ballot-cast")]
public sealed record BallotCast([property: Id(0)] string Voter, [property: Id(1)] int Value);

/// <summary>The box closed with the window: its count, which the final's VotesCounted sums.</summary>
[GenerateSerializer, Immutable, Alias("arena.ballot-box-closed")]
public sealed record BallotBoxClosed([property: Id(0)] int Ballots, [property: Id(1)] long Sum);

/// <summary>A box's count as the final collects it when the window closes; <see cref="Head"/> null for a box that took no ballot.</summary>
[GenerateSerializer, Immutable, Alias("arena.box-count")]
public sealed record BoxCount([property: Id(0)] int Ballots, [property: Id(1)] long Sum, [property: Id(2)] Journal.StreamHead? Head);

/// <summary>What a voter sent: a ticket code or a device id, and the value.</summary>
[GenerateSerializer, Immutable, Alias("arena.ballot")]
public sealed record Ballot([property: Id(0)] string? Ticket, [property: Id(1)] string? Device, [property: Id(2)] int Value);

/// <summary>The answer to a ballot: counted (now or, for <see cref="Repeat"/>, by an earlier try with the same ticket).</summary>
[GenerateSerializer, Immutable, Alias("arena.ballot-ack")]
public sealed record BallotAck([property: Id(0)] long Window, [property: Id(1)] bool Repeat);

public static class BallotStreams
{
    /// <summary>The journal (final id column) the boxes of a final write to: '#' is no character of an id, so it cannot be a final's.</summary>
    public static string Journal(string finalId) => finalId + "#ballots";

    public static string Of(long window, int box) => $"box:{window}:{box}";

    public static string Key(string finalId, long window, int box) => $"{finalId}/{window}/{box}";
}
