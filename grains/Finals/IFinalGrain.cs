using Arena.Journal;
using Arena.Scoring;
using Orleans.Concurrency;

namespace Arena.Finals;

/// <summary>
/// One final (key: its id): the definition, the flow (who is on stage), the standings computed by the scoring
/// engine from its contestants' sheets, and publication. Every refusal is an <see cref="ArenaProblem"/> carrying
/// the HTTP status of the contract. Live standings are rebuilt from the contestant grains on activation, so a sheet
/// acknowledged by a contestant grain is never missing from them.
/// </summary>
public interface IFinalGrain : IGrainWithStringKey
{
    /// <summary>Creates the final from a validated definition; 409 when it exists.</summary>
    Task Create(FinalDefinition definition, Caller caller);

    [AlwaysInterleave]
    Task<bool> Exists();

    [AlwaysInterleave]
    Task<FinalView> Get();

    [AlwaysInterleave]
    Task<FinalSummary> Summary();

    /// <summary>Puts a contestant on stage for a round; tells judges and screens.</summary>
    Task<long> Call(Stage stage, Caller caller);

    /// <summary>A judge's sheet: checked against the definition, the gate and the judge's assignment, then stored durably.</summary>
    Task<SheetAck> Submit(SubmitSheet sheet, Caller caller);

    Task<long> Reopen(string contestant, string round, string judge, string reason, Caller caller);

    Task<long> Adjust(string contestant, string? round, decimal points, string reason, Caller caller);

    Task<long> Close(string contestant, string round, string reason, Caller caller);

    Task<long> Publish(Caller caller);

    /// <summary>The standings now, or as of journal event <paramref name="at"/>. With <paramref name="revealedOnly"/>,
    /// only complete rounds count (what a screen may show).</summary>
    [AlwaysInterleave]
    Task<StandingsView> Standings(long? at, bool revealedOnly);

    /// <summary>The full computed result (sheets counted/dropped), for screens and the chief.</summary>
    [AlwaysInterleave]
    Task<StandingsResult> Result();

    [AlwaysInterleave]
    Task<IReadOnlyList<SheetView>> Sheets();

    [AlwaysInterleave]
    Task<IReadOnlyList<JournalRecord>> Journal();

    [AlwaysInterleave]
    Task<VerifyReport> Verify();

    /// <summary>A node's observer: told of every change of this final (until it stops renewing and expires).</summary>
    Task Subscribe(IFinalObserver observer);

    Task Unsubscribe(IFinalObserver observer);

    /// <summary>What the big screens show now, whole (the snapshot a screen gets on Join).</summary>
    [AlwaysInterleave]
    Task<ScreenState> Screen();

    /// <summary>What the big screens show: <c>stage</c>, <c>reveal</c>, <c>ranking</c> or <c>podium</c> (the operator's choice).</summary>
    Task<long> SetMode(string mode, Caller caller);

    /// <summary>The speaking timer: <c>start</c>, <c>stop</c> or <c>reset</c>, with an optional limit in seconds.</summary>
    Task<long> Timer(string action, int? seconds, Caller caller);
}
