namespace Arena.Scoring;

/// <summary>A judge's submitted sheet for one contestant and round. <see cref="Total"/> is the sum of the criteria (or the single score).</summary>
public sealed record Sheet(string Judge, string Contestant, string Round, decimal Total, IReadOnlyDictionary<string, decimal>? Criteria = null);

/// <summary>A penalty (negative) or bonus by the chief judge. With a round it changes that round's score before weighting; without, the total.</summary>
public sealed record Adjustment(string Contestant, string? Round, decimal Points, string Reason);

/// <summary>The chief judge completed a contestant's round with the sheets present.</summary>
public sealed record RoundClosure(string Contestant, string Round);

/// <summary>The exact count of an audience panel's closed voting window for one contestant and round: the number of
/// ballots and the sum of their values (<see cref="VoteMethods"/>).</summary>
public sealed record VoteCount(string Contestant, string Round, int Ballots, long Sum);

/// <summary>The contestant left the final (<see cref="WithdrawalKinds"/>): out of the ranking and the awards; their
/// sheets stay in the journal but do not count.</summary>
public sealed record Withdrawal(string Contestant, string Kind);

public static class WithdrawalKinds
{
    /// <summary>弃权: the contestant gave up.</summary>
    public const string Withdrawn = "withdrawn";
    /// <summary>缺席: the contestant did not show up.</summary>
    public const string Absent = "absent";
    public static readonly IReadOnlyList<string> All = [Withdrawn, Absent];
}

/// <summary>Everything that has been scored so far in a final: what the standings are a pure function of.</summary>
public sealed record ScoringInput(
    IReadOnlyList<Sheet> Sheets,
    IReadOnlyList<Adjustment> Adjustments,
    IReadOnlyList<RoundClosure> Closures,
    IReadOnlyList<Withdrawal>? Withdrawals = null,
    IReadOnlyList<VoteCount>? Votes = null)
{
    public static readonly ScoringInput Empty = new([], [], []);
}
