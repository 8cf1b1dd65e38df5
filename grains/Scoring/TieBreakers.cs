namespace Arena.Scoring;

/// <summary>The tie-breakers a <see cref="RankingRule"/> may list, in the spelling of the definition JSON.</summary>
public static class TieBreakers
{
    /// <summary>Followed by a round id: that round's rounded score.</summary>
    public const string RoundPrefix = "round:";

    /// <summary>The total computed with every trimmed mean replaced by the plain mean of all sheets.</summary>
    public const string Untrimmed = "untrimmed";

    public static string Round(string roundId) => RoundPrefix + roundId;

    /// <summary>The round id of a <c>round:&lt;id&gt;</c> tie-breaker, or null for any other.</summary>
    public static string? RoundOf(string? tieBreaker) =>
        tieBreaker is not null && tieBreaker.StartsWith(RoundPrefix, StringComparison.Ordinal)
            ? tieBreaker[RoundPrefix.Length..]
            : null;
}
