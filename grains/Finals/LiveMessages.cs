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
    // The ranking the screens show: while the ceremony holds it, as it stood at the hold (Standings.Version tells when).
    [property: Id(10)] StandingsView Standings,
    // Contestants out of the final (弃权 / 缺席), in running order.
    [property: Id(11)] IReadOnlyList<WithdrawalView>? Withdrawn = null,
    // The draw: committed (commitment only) or revealed (seed and order); null before any.
    [property: Id(12)] DrawView? Draw = null,
    // The award tiers revealed so far and whether the ranking is held.
    [property: Id(13)] CeremonyView? Ceremony = null,
    // The version of the definition shown (the journal sequence number that set it: created, amended, or a draw that
    // renumbered the running order): a screen whose copy is older reads it again, also after a missed push.
    [property: Id(14)] long DefinitionVersion = 0,
    // The public live view (/live/{id}) is open: the screen shows its QR code between contestants.
    [property: Id(15)] bool Public = false,
    // The audience vote: the open window, or the last one closed (null before any).
    [property: Id(16)] VoteView? Vote = null);

[GenerateSerializer, Immutable, Alias("arena.withdrawal")]
public sealed record WithdrawalView([property: Id(0)] string Contestant, [property: Id(1)] string Kind, [property: Id(2)] string Reason);

/// <summary>The draw as the screens show it. <see cref="State"/>: <c>committed</c> (only the commitment is known) or
/// <c>revealed</c>; <see cref="Seq"/>: the journal event of the commitment or of the reveal.</summary>
[GenerateSerializer, Immutable, Alias("arena.draw")]
public sealed record DrawView(
    [property: Id(0)] string State,
    [property: Id(1)] string Commitment,
    [property: Id(2)] string? Seed,
    [property: Id(3)] IReadOnlyList<string>? Order,
    [property: Id(4)] long Seq);

/// <summary>The ceremony: <see cref="RevealedTiers"/> in the order revealed (lowest first), the tier that comes next,
/// and the hold (<see cref="HeldAt"/>: the journal event the held ranking is as of).</summary>
[GenerateSerializer, Immutable, Alias("arena.ceremony")]
public sealed record CeremonyView(
    [property: Id(0)] IReadOnlyList<string> RevealedTiers,
    [property: Id(1)] string? NextTier,
    [property: Id(2)] bool Held,
    [property: Id(3)] long? HeldAt);

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
    [property: Id(5)] Stage? Stage = null,
    // Access codes revoked by this change: every node closes the hub connections their tokens opened.
    [property: Id(6)] IReadOnlyList<string>? Revoked = null,
    // The live count of the open voting window (kind "vote", version unchanged): not an event, the ballot boxes' count.
    [property: Id(7)] VoteTally? Tally = null);

/// <summary>How many ballots the open window <see cref="Window"/> holds now (the boxes' sum, read every second).</summary>
[GenerateSerializer, Immutable, Alias("arena.vote-tally")]
public sealed record VoteTally([property: Id(0)] long Window, [property: Id(1)] int Ballots);

/// <summary>
/// The audience vote as screens and the vote page show it: the open window (<see cref="Open"/>) or the last one
/// closed; <see cref="Ballots"/> the exact count once closed (while open, the live count comes as <c>votes</c> messages);
/// <see cref="Score"/> the panel's score then.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.vote-view")]
public sealed record VoteView(
    [property: Id(0)] long Window,
    [property: Id(1)] string Contestant,
    [property: Id(2)] string Round,
    [property: Id(3)] string Panel,
    [property: Id(4)] string Method,
    [property: Id(5)] string Voters,
    [property: Id(6)] bool Open,
    [property: Id(7)] int? Ballots,
    [property: Id(8)] decimal? Score);

/// <summary>A public final as anyone may watch it: the big screen's state and the definition it names (the web sends only its public part).</summary>
[GenerateSerializer, Immutable, Alias("arena.public-live")]
public sealed record PublicLive([property: Id(0)] ScreenState State, [property: Id(1)] Scoring.FinalDefinition Definition);

/// <summary>Told to the judge whose sheet the chief judge reopened.</summary>
[GenerateSerializer, Immutable, Alias("arena.reopen-notice")]
public sealed record ReopenNotice([property: Id(0)] string Contestant, [property: Id(1)] string Round, [property: Id(2)] string Judge, [property: Id(3)] string Reason);

public static class ScreenModes
{
    public const string Stage = "stage";
    public const string Reveal = "reveal";
    public const string Ranking = "ranking";
    public const string Podium = "podium";
    /// <summary>The draw: its commitment, then the order appearing one by one (set by the draw's own events too).</summary>
    public const string Draw = "draw";
    public static readonly IReadOnlyList<string> All = [Stage, Reveal, Ranking, Podium, Draw];
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
    public const string Access = "access";
    public const string Draw = "draw";
    public const string Ceremony = "ceremony";
    /// <summary>The definition was amended: screens and tablets read it again (names, rubric, rounds, judges).</summary>
    public const string Definition = "definition";
    /// <summary>The public live view was opened or closed.</summary>
    public const string Public = "public";
    /// <summary>A voting window opened or closed, tickets were issued; or (with <see cref="LiveUpdate.Tally"/>) the live count moved.</summary>
    public const string Vote = "vote";
}
