namespace Arena.Finals;

/// <summary>
/// Everything a big screen shows of a final, whole: a screen renders one of these at a time, never a mix.
/// <see cref="Reveal"/> is set only once that contestant's round is complete, so no judge's number is shown earlier;
/// <see cref="Standings"/> counts complete rounds only, for the same reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.screen-state")]
public sealed record ScreenState(
    [property: Id(0)] long Version,
    [property: Id(1)] string FinalId,
    [property: Id(2)] string Title,
    [property: Id(3)] Stage? Stage,
    [property: Id(4)] IReadOnlyList<string> Submitted,
    [property: Id(5)] IReadOnlyList<string> Expected,
    [property: Id(6)] RevealView? Reveal,
    [property: Id(7)] string Mode,
    [property: Id(8)] TimerView Timer,
    [property: Id(9)] bool Published,
    [property: Id(10)] StandingsView Standings,
    // The version of the definition shown (the journal sequence number that set it): a screen whose copy of the
    // definition is older reads it again, also when it rejoins after missing the push.
    [property: Id(11)] long DefinitionVersion = 0);

[GenerateSerializer, Immutable, Alias("arena.reveal")]
public sealed record RevealView(
    [property: Id(0)] string Contestant,
    [property: Id(1)] string Round,
    [property: Id(2)] decimal? Score,
    [property: Id(3)] IReadOnlyList<RevealedSheet> Sheets);

[GenerateSerializer, Immutable, Alias("arena.revealed-sheet")]
public sealed record RevealedSheet([property: Id(0)] string Judge, [property: Id(1)] decimal Total, [property: Id(2)] bool Counted);

/// <summary>The speaking timer: <see cref="Seconds"/> is the limit (0 = none); elapsed time runs from <see cref="StartedAt"/> while running.</summary>
[GenerateSerializer, Immutable, Alias("arena.timer")]
public sealed record TimerView(
    [property: Id(0)] bool Running,
    [property: Id(1)] int Seconds,
    [property: Id(2)] long ElapsedMs,
    [property: Id(3)] DateTimeOffset? StartedAt)
{
    public static readonly TimerView Idle = new(false, 0, 0, null);
}

/// <summary>
/// A change of a final, pushed to every node that has screens or judges of it. <see cref="State"/> may be null: the
/// node then reads the screen state itself when it pushes (once per coalesced burst, not once per change).
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.live-update")]
public sealed record LiveUpdate(
    [property: Id(0)] long Version,
    [property: Id(1)] string Kind,
    [property: Id(2)] ScreenState? State,
    [property: Id(3)] ReopenNotice? Reopened,
    [property: Id(4)] DateTimeOffset At,
    // The stage after the change, for the judges' tablets: told at once, without waiting for the screen state.
    [property: Id(5)] Stage? Stage = null);

/// <summary>Told to the judge whose sheet the chief judge reopened.</summary>
[GenerateSerializer, Immutable, Alias("arena.reopen-notice")]
public sealed record ReopenNotice([property: Id(0)] string Contestant, [property: Id(1)] string Round, [property: Id(2)] string Judge, [property: Id(3)] string Reason);

public static class ScreenModes
{
    public const string Stage = "stage";
    public const string Reveal = "reveal";
    public const string Ranking = "ranking";
    public const string Podium = "podium";
    public static readonly IReadOnlyList<string> All = [Stage, Reveal, Ranking, Podium];
}

public static class UpdateKinds
{
    public const string Stage = "stage";
    public const string Submitted = "submitted";
    public const string Revealed = "revealed";
    public const string Standings = "standings";
    public const string Mode = "mode";
    public const string Published = "published";
    public const string Timer = "timer";
    /// <summary>The definition was amended: screens and tablets read it again (names, rubric, rounds, judges).</summary>
    public const string Definition = "definition";
}
