namespace Arena.Scoring;

/// <summary>A final as the organiser defines it (the JSON shape of DESIGN.md, camelCase).</summary>
public sealed record FinalDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary><c>on-stage</c> (a judge may score only what is on stage) or <c>open</c>.</summary>
    public string Gate { get; init; } = Gates.OnStage;
    public IReadOnlyList<RoundDefinition> Rounds { get; init; } = [];
    public IReadOnlyList<JudgeDefinition> Judges { get; init; } = [];
    public IReadOnlyList<ContestantDefinition> Contestants { get; init; } = [];
    public RoundingRule Rounding { get; init; } = new();
    public RankingRule Ranking { get; init; } = new();
    public IReadOnlyList<AwardTier> Awards { get; init; } = [];
    /// <summary>Two-person sign-off: every adjustment and the publication take effect only when a supervisor (监督)
    /// confirms what the chief judge asked. Null or false: the chief's word is enough.</summary>
    public bool? SignOff { get; init; }
}

public static class Gates
{
    public const string OnStage = "on-stage";
    public const string Open = "open";
}

/// <summary>A round (segment). Either <see cref="Criteria"/> (a rubric) or a single score in [0, <see cref="Max"/>].</summary>
public sealed record RoundDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public decimal Weight { get; init; } = 1m;
    public IReadOnlyList<CriterionDefinition>? Criteria { get; init; }
    /// <summary>Single-score rounds only: the highest score.</summary>
    public decimal? Max { get; init; }
    /// <summary>Single-score rounds only: the step a score must be a multiple of (default 0.01).</summary>
    public decimal? Step { get; init; }
    public AggregationRule Aggregation { get; init; } = new();
    public IReadOnlyList<PanelDefinition>? Panels { get; init; }
    /// <summary>The judges assigned to this round (ids); null or empty means every judge of the final (of its panels, when it has panels).</summary>
    public IReadOnlyList<string>? Judges { get; init; }
}

public sealed record CriterionDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public decimal Max { get; init; }
    /// <summary>The step a value must be a multiple of (default 0.01).</summary>
    public decimal? Step { get; init; }
}

public static class AggregationMethods
{
    public const string Mean = "mean";
    public const string TrimmedMean = "trimmed-mean";
    public const string Median = "median";
    public const string Sum = "sum";
    public static readonly IReadOnlyList<string> All = [Mean, TrimmedMean, Median, Sum];
}

public sealed record AggregationRule
{
    public string Method { get; init; } = AggregationMethods.Mean;
    public int DropHighest { get; init; }
    public int DropLowest { get; init; }
}

public sealed record PanelDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public decimal Weight { get; init; }
    /// <summary><c>judges</c> (null: judges on tablets) or <c>audience</c> (大众评审: the hall votes on phones, <see cref="VoteMethods"/>).</summary>
    public string? Kind { get; init; }
    /// <summary>Audience panels: how a vote scores (<see cref="VoteMethods"/>; null: <c>rating</c>).</summary>
    public string? Vote { get; init; }
    /// <summary>Audience panels: who may vote (<see cref="VoterKinds"/>; null: <c>tickets</c>).</summary>
    public string? Voters { get; init; }
}

public static class PanelKinds
{
    public const string Judges = "judges";
    public const string Audience = "audience";
    public static bool IsAudience(PanelDefinition? p) => p?.Kind == Audience;
}

/// <summary>
/// How an audience panel's votes become its score, on the round's scale (its max, or its criteria's maxima summed):
/// <c>share</c> — each voter says 支持 (1) or 不支持 (0), the score is the share of 支持 × max; <c>rating</c> — each
/// voter gives 1–10, the score is the mean rating / 10 × max. Both are Σ values / (ballots × top) × max, so one
/// formula scores them; a window closed with no ballot scores 0.
/// </summary>
public static class VoteMethods
{
    public const string Share = "share";
    public const string Rating = "rating";
    public static readonly IReadOnlyList<string> All = [Share, Rating];
    public static string Of(PanelDefinition p) => p.Vote ?? Rating;
    /// <summary>The highest value a ballot can carry (the lowest is 0 for share, 1 for rating).</summary>
    public static int Top(string method) => method == Share ? 1 : 10;
    public static int Bottom(string method) => method == Share ? 0 : 1;
}

/// <summary>Who may vote in an audience panel: the holder of a one-time ticket code the admin printed, or any device once.</summary>
public static class VoterKinds
{
    public const string Tickets = "tickets";
    public const string Devices = "devices";
    public static readonly IReadOnlyList<string> All = [Tickets, Devices];
    public static string Of(PanelDefinition p) => p.Voters ?? Tickets;
}

public sealed record JudgeDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Panel { get; init; }
    public bool Chief { get; init; }
    public IReadOnlyList<string> Recusals { get; init; } = [];
}

public sealed record ContestantDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Unit { get; init; }
    public int Order { get; init; }
}

public static class RoundingModes
{
    public const string HalfUp = "half-up";
    public const string HalfEven = "half-even";
}

public sealed record RoundingRule
{
    public int Decimals { get; init; } = 2;
    public string Mode { get; init; } = RoundingModes.HalfUp;
}

public sealed record RankingRule
{
    /// <summary>Ordered: <c>round:&lt;id&gt;</c> or <c>untrimmed</c>.</summary>
    public IReadOnlyList<string> TieBreakers { get; init; } = [];
}

public sealed record AwardTier
{
    public string Title { get; init; } = "";
    public int Count { get; init; }
}
