using Arena.Scoring;

namespace Arena.Finals;

/// <summary>What someone asks of a final. <see cref="FinalModel.Decide"/> turns it into events or refuses it.</summary>
public abstract record FinalCommand;

public sealed record CreateFinal(FinalDefinition Definition) : FinalCommand;
/// <summary>The admin's new definition; <see cref="DryRun"/> decides without storing (the admin page's preview), no reason needed.</summary>
public sealed record AmendDefinition(FinalDefinition Definition, string? Reason, bool DryRun = false) : FinalCommand;
public sealed record CallContestant(Stage Stage) : FinalCommand;
public sealed record SubmitSheetCommand(SubmitSheet Sheet) : FinalCommand;
public sealed record ReopenSheet(string Contestant, string Round, string Judge, string? Reason) : FinalCommand;
public sealed record AdjustScore(string Contestant, string? Round, decimal Points, string? Reason) : FinalCommand;
public sealed record CloseRound(string Contestant, string Round, string? Reason) : FinalCommand;
public sealed record PublishResults : FinalCommand;
public sealed record ChangeScreenMode(string Mode) : FinalCommand;
public sealed record RunTimer(string Action, int? Seconds) : FinalCommand;

/// <summary>One event for one stream: <c>final</c> or <c>contestant:{id}</c>.</summary>
public sealed record Change(string Stream, object Event);

/// <summary>The events a command decided, in order; <see cref="Repeat"/> is the answer to a retry already stored (no events).</summary>
public sealed record Decision(IReadOnlyList<Change> Changes, SheetAck? Repeat = null)
{
    public static Decision Of(string stream, object @event) => new([new Change(stream, @event)]);
}
