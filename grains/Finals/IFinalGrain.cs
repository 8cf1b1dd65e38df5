using Arena.Access;
using Arena.Journal;
using Arena.Scoring;
using Orleans.Concurrency;

namespace Arena.Finals;

/// <summary>
/// One final (key: its id), the only way anything about it changes: each call passes the caller, the final's model
/// (<see cref="FinalModel"/>) decides, and the answer comes once the events are durably stored. Every refusal is an
/// <see cref="ArenaProblem"/> carrying the HTTP status of the contract. The model is folded from the stored streams
/// at activation, so an acknowledged event is never missing from it; versions are journal sequence numbers.
/// </summary>
public interface IFinalGrain : IGrainWithStringKey
{
    /// <summary>Creates the final from a validated definition; 409 when it exists.</summary>
    Task Create(FinalDefinition definition, Caller caller);

    /// <summary>Replaces the definition (admin): 400 invalid or another id, 409 after publication unless only names
    /// change, 409 naming the scores it would orphan. A dry run decides the same and stores nothing.</summary>
    Task<AmendResult> Amend(FinalDefinition definition, string? reason, bool dryRun, Caller caller);

    [AlwaysInterleave]
    Task<bool> Exists();

    [AlwaysInterleave]
    Task<FinalView> Get();

    /// <summary><see cref="Get"/> for a caller: 401 when the caller's access code was revoked.</summary>
    [AlwaysInterleave]
    Task<FinalView> Info(Caller caller);

    /// <summary>Nothing but the revocation check (401 when the caller's access code was revoked): a judge's hub connection makes it once.</summary>
    [AlwaysInterleave]
    Task Admit(Caller caller);

    [AlwaysInterleave]
    Task<FinalSummary> Summary();

    /// <summary>Puts a contestant on stage for a round; tells judges and screens.</summary>
    Task<long> Call(Stage stage, Caller caller);

    /// <summary>A judge's sheet: checked against the definition, the gate and the judge's assignment, then stored durably.</summary>
    Task<SheetAck> Submit(SubmitSheet sheet, Caller caller);

    Task<long> Reopen(string contestant, string round, string judge, string reason, Caller caller);

    Task<long> Adjust(string contestant, string? round, decimal points, string reason, Caller caller);

    Task<long> Close(string contestant, string round, string reason, Caller caller);

    /// <summary>The chief judge publishes; in a final with sign-off, asks a supervisor to (the answer's version is the proposal's).</summary>
    Task<long> Publish(Caller caller);

    /// <summary>A supervisor confirms the chief judge's proposal (an adjustment, or the publication), with a reason: it takes effect.</summary>
    Task<long> ConfirmSignOff(string proposal, string reason, Caller caller);

    /// <summary>A supervisor refuses the chief judge's proposal, with a reason: it never takes effect.</summary>
    Task<long> RefuseSignOff(string proposal, string reason, Caller caller);

    /// <summary>The standings now, or as of journal event <paramref name="at"/>. A screen sees complete rounds only;
    /// a judge only when chief; auditors and the admin everything.</summary>
    [AlwaysInterleave]
    Task<StandingsView> Standings(long? at, Caller caller);

    /// <summary>The full computed result (sheets counted/dropped), for screens and the chief.</summary>
    [AlwaysInterleave]
    Task<StandingsResult> Result();

    /// <summary>Every sheet for the chief judge, the admin and auditors; a judge's own sheets for another judge.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SheetView>> Sheets(Caller caller);

    [AlwaysInterleave]
    Task<IReadOnlyList<JournalRecord>> Journal(Caller caller);

    [AlwaysInterleave]
    Task<VerifyReport> Verify(Caller caller);

    /// <summary>Judge-consistency figures (<see cref="JudgeConsistency"/>) of the standings now: the admin, auditors and
    /// the chief judge; outliers by the chief page's rule with these thresholds.</summary>
    [AlwaysInterleave]
    Task<JudgeConsistencyReport> JudgeReport(OutlierThresholds thresholds, Caller caller);

    /// <summary>A node's observer: told of every change of this final (until it stops renewing and expires). When this
    /// activation is newer than <paramref name="knownVersion"/> (the last version the node saw) the node is sent the
    /// current state at once: a final grain re-activated on another node catches its screens up.</summary>
    Task Subscribe(IFinalObserver observer, long knownVersion);

    Task Unsubscribe(IFinalObserver observer);

    /// <summary>What the big screens show now, whole: what a node pushes to its screens.</summary>
    [AlwaysInterleave]
    Task<ScreenState> Screen();

    /// <summary>The screen state and definition of a public final, for anyone (no caller); 404 when it is not public.</summary>
    Task<PublicLive> Live();

    /// <summary>The snapshot a screen gets on Join: <see cref="Screen"/>, for a caller allowed to watch (a judge only when chief).</summary>
    [AlwaysInterleave]
    Task<ScreenState> Join(Caller caller);

    /// <summary>What the big screens show: <c>stage</c>, <c>reveal</c>, <c>ranking</c> or <c>podium</c> (the operator's choice).</summary>
    Task<long> SetMode(string mode, Caller caller);

    /// <summary>The speaking timer: <c>start</c>, <c>stop</c> or <c>reset</c>, with an optional limit in seconds.</summary>
    Task<long> Timer(string action, int? seconds, Caller caller);

    /// <summary>Opens or closes the public live view (admin).</summary>
    Task<long> SetPublic(bool isPublic, string? reason, Caller caller);

    /// <summary>Issues an access code (admin): journaled as <see cref="AccessIssued"/>, the secret stored in the access grain.
    /// A judge's new code revokes their earlier ones.</summary>
    Task<AccessCode> IssueAccess(string role, string subject, Caller caller);

    /// <summary>Revokes an access code (admin, with a reason): its tokens get 401 from now on and every node closes
    /// their hub connections. 404 for an unknown code; revoking twice changes nothing.</summary>
    Task RevokeAccess(string codeId, string reason, Caller caller);

    /// <summary>Releases an access code from the device that redeemed it (admin, with a reason), so another device can sign in.</summary>
    Task ReleaseAccess(string codeId, string reason, Caller caller);
    /// <summary>Takes a contestant out of the ranking and the awards (<c>withdrawn</c> 弃权 or <c>absent</c> 缺席), with a
    /// reason: the admin or the chief judge, before publication.</summary>
    Task<long> Withdraw(string contestant, string kind, string reason, Caller caller);

    /// <summary>Takes a withdrawal back (before publication), with a reason.</summary>
    Task<long> UndoWithdrawal(string contestant, string reason, Caller caller);

    /// <summary>Draws a fresh secret seed and journals its commitment (the seed only sealed); the admin or the operator,
    /// until the first contestant is called.</summary>
    Task<DrawView> CommitDraw(Caller caller);

    /// <summary>Reveals the committed seed and the running order it gives, which becomes the contestants' order.</summary>
    Task<DrawView> RevealDraw(Caller caller);

    /// <summary>The ceremony: shows the next award tier, from the lowest.</summary>
    Task<long> RevealAwardTier(Caller caller);

    /// <summary>Freezes the screens' ranking as it is now, until <see cref="ReleaseRanking"/>.</summary>
    Task<long> HoldRanking(Caller caller);

    Task<long> ReleaseRanking(Caller caller);

    /// <summary>The audience vote: opens the window of the round's audience panel for the contestant (default: on stage).
    /// The admin, the operator or the chief judge; returns the window's id.</summary>
    Task<long> OpenVoting(string? contestant, string? round, Caller caller);

    /// <summary>Closes the open window: every ballot box stops taking ballots, and their exact count goes into the journal.</summary>
    Task<VoteView> CloseVoting(Caller caller);

    /// <summary>A window as a ballot box needs to know it; null for an id that is no window of this final.</summary>
    [AlwaysInterleave]
    Task<VoteWindowInfo?> VoteWindow(long window);

    /// <summary>The vote as anyone may see it (the vote page): the open window or the last closed; null before any.</summary>
    [AlwaysInterleave]
    Task<(VoteView? Vote, FinalDefinition Definition)> Ballot();

    /// <summary>Issues <paramref name="count"/> more ticket codes (admin); returns the number of the first.</summary>
    Task<int> IssueTickets(int count, Caller caller);

    /// <summary>The ticket codes numbered <paramref name="from"/> on (admin), to print: recomputed, never stored.</summary>
    [AlwaysInterleave]
    Task<TicketSheet> TicketCodes(int from, int count, Caller caller);
}

[GenerateSerializer, Immutable, Alias("arena.ticket-sheet")]
public sealed record TicketSheet([property: Id(0)] int Issued, [property: Id(1)] IReadOnlyList<TicketCode> Tickets);

[GenerateSerializer, Immutable, Alias("arena.ticket-code")]
public sealed record TicketCode([property: Id(0)] int Number, [property: Id(1)] string Code);
