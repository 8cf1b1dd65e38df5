using Arena.Journal;

namespace Arena.Contestants;

/// <summary>The fold of a contestant's stream.</summary>
[GenerateSerializer]
public sealed class ContestantState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];
    [Id(1)] public Dictionary<string, SheetSubmitted> BySubmission { get; set; } = [];
    /// <summary>The sheet in effect per "round/judge"; a reopened sheet is removed until it is resubmitted.</summary>
    [Id(2)] public Dictionary<string, SheetSubmitted> Current { get; set; } = [];
    [Id(3)] public Dictionary<string, SheetReopened> Reopened { get; set; } = [];
    [Id(4)] public List<AdjustmentApplied> Adjustments { get; set; } = [];
    [Id(5)] public List<RoundClosed> Closures { get; set; } = [];

    public static string Slot(string round, string judge) => round + "/" + judge;

    public void Apply(JournalEntry entry)
    {
        Entries.Add(entry);
        switch (EventJson.Deserialize(entry.Type, entry.Data))
        {
            case SheetSubmitted s:
                BySubmission[s.SubmissionId] = s;
                Current[Slot(s.Round, s.Judge)] = s;
                Reopened.Remove(Slot(s.Round, s.Judge));
                break;
            case SheetReopened r:
                Current.Remove(Slot(r.Round, r.Judge));
                Reopened[Slot(r.Round, r.Judge)] = r;
                break;
            case AdjustmentApplied a:
                Adjustments.Add(a);
                break;
            case RoundClosed c:
                Closures.Add(c);
                break;
        }
    }

    public ContestantRecord ToRecord(string contestant) => new(
        contestant,
        BySubmission.Values.ToList(),
        Current.Values.ToList(),
        Reopened.Values.ToList(),
        Adjustments.ToList(),
        Closures.ToList(),
        Entries.Count);
}

/// <summary>What the final grain needs of a contestant: every submission (for idempotency), the sheets in effect, and the rest.</summary>
[GenerateSerializer, Immutable, Alias("arena.contestant-record")]
public sealed record ContestantRecord(
    [property: Id(0)] string Contestant,
    [property: Id(1)] IReadOnlyList<SheetSubmitted> Submissions,
    [property: Id(2)] IReadOnlyList<SheetSubmitted> Current,
    [property: Id(3)] IReadOnlyList<SheetReopened> Reopened,
    [property: Id(4)] IReadOnlyList<AdjustmentApplied> Adjustments,
    [property: Id(5)] IReadOnlyList<RoundClosed> Closures,
    [property: Id(6)] int Entries);
