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
/// <summary>The admin opens or closes the public live view.</summary>
public sealed record SetPublicView(bool Public, string? Reason) : FinalCommand;
public sealed record WithdrawContestant(string Contestant, string? Kind, string? Reason) : FinalCommand;
public sealed record UndoWithdrawal(string Contestant, string? Reason) : FinalCommand;
/// <summary>The grain draws the seed and seals it (the model stays free of randomness and keys).</summary>
public sealed record CommitDraw(string Seed, string SealedSeed) : FinalCommand;
/// <summary>The grain unsealed the pending seed; the model checks it against the commitment.</summary>
public sealed record RevealDraw(string Seed) : FinalCommand;
public sealed record RevealAwardTier : FinalCommand;
public sealed record HoldRanking : FinalCommand;
public sealed record ReleaseRanking : FinalCommand;
/// <summary>A supervisor's answer to the chief judge's proposal (an adjustment, or the publication) in a final with sign-off.</summary>
public sealed record ConfirmSignOff(string Proposal, string? Reason) : FinalCommand;
public sealed record RefuseSignOff(string Proposal, string? Reason) : FinalCommand;

/// <summary>A new access code named <paramref name="CodeId"/>; <paramref name="Replaces"/>: the subject's codes it revokes (a judge's earlier ones).</summary>
public sealed record IssueAccess(string CodeId, string Role, string Subject, IReadOnlyList<string> Replaces) : FinalCommand;
/// <summary>Revoke a code the access grain knows (its role and subject as stored there).</summary>
public sealed record RevokeAccess(string CodeId, string Role, string Subject, string? Reason) : FinalCommand;
/// <summary>Release a code from its device; <paramref name="Redeemed"/>: some device holds it now.</summary>
public sealed record ReleaseAccess(string CodeId, string Role, string Subject, bool Redeemed, string? Reason) : FinalCommand;

/// <summary>One event for one stream: <c>final</c> or <c>contestant:{id}</c>.</summary>
public sealed record Change(string Stream, object Event);

/// <summary>The events a command decided, in order; <see cref="Repeat"/> is the answer to a retry already stored (no events).</summary>
public sealed record Decision(IReadOnlyList<Change> Changes, SheetAck? Repeat = null)
{
    public static Decision Of(string stream, object @event) => new([new Change(stream, @event)]);
    /// <summary>Nothing to store: the final is already as asked.</summary>
    public static readonly Decision None = new([]);
}
