using Arena.Journal;

namespace Arena.Contestants;

/// <summary>
/// One contestant of one final (key <c>finalId/contestantId</c>): their sheets per round, reopenings, adjustments and
/// closures, as a hash-chained event stream. The final grain checks everything the definition decides (who may score
/// what, sheet ranges) before calling; this grain decides what depends on its own history, and every call returns
/// only after the event is durably stored.
/// </summary>
public interface IContestantGrain : IGrainWithStringKey
{
    Task<ContestantRecord> Get();

    /// <summary>Records a sheet. The same submission id again returns the record unchanged (exactly once); a judge
    /// who already has a sheet in effect for the round gets 409.</summary>
    Task<ContestantRecord> Submit(string actor, SheetSubmitted sheet);

    /// <summary>Withdraws a judge's sheet so that they can submit a corrected one; 409 when there is none.</summary>
    Task<ContestantRecord> Reopen(string actor, SheetReopened reopen);

    Task<ContestantRecord> Adjust(string actor, AdjustmentApplied adjustment);

    /// <summary>Completes a round with the sheets present; 409 when it is closed already.</summary>
    Task<ContestantRecord> Close(string actor, RoundClosed closure);

    /// <summary>The stream as stored, for the journal and its verification.</summary>
    Task<IReadOnlyList<JournalEntry>> Entries();
}

public static class ContestantKey
{
    public static string Of(string final, string contestant) => final + "/" + contestant;
}
