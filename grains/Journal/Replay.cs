using Arena.Contestants;
using Arena.Finals;
using Arena.Scoring;

namespace Arena.Journal;

/// <summary>What a final looks like after a prefix of its journal: state is a fold of the events.</summary>
public sealed record ReplayedFinal(FinalDefinition? Definition, IReadOnlyList<ContestantRecord> Contestants, bool Published);

public static class Replay
{
    /// <summary>Numbers the merged streams of a final: by time, the final's own stream first on a tie, then stream order.</summary>
    public static IReadOnlyList<JournalRecord> Merge(IEnumerable<JournalEntry> entries) =>
        entries
            .OrderBy(e => e.At)
            .ThenBy(e => e.Stream == "final" ? 0 : 1)
            .ThenBy(e => e.Stream, StringComparer.Ordinal)
            .ThenBy(e => e.Index)
            .Select((e, i) => new JournalRecord(i + 1, e.At, e.Stream, e.Type, e.Actor, e.Data, e.Hash))
            .ToList();

    public static ReplayedFinal Fold(IEnumerable<JournalRecord> records)
    {
        var final = new FinalState();
        var contestants = new Dictionary<string, ContestantState>();
        foreach (var r in records)
        {
            var entry = new JournalEntry(r.Stream, 0, r.At, r.Actor, r.Type, r.Data, r.Hash);
            if (r.Stream == "final") final.Apply(entry);
            else
            {
                var id = r.Stream["contestant:".Length..];
                if (!contestants.TryGetValue(id, out var state)) contestants[id] = state = new ContestantState();
                state.Apply(entry);
            }
        }
        return new ReplayedFinal(final.Definition, contestants.Select(kv => kv.Value.ToRecord(kv.Key)).ToList(), final.Published);
    }

    /// <summary>The scoring engine's input from the contestants' sheets in effect, adjustments and closures.</summary>
    public static ScoringInput Input(IEnumerable<ContestantRecord> contestants)
    {
        var all = contestants.ToList();
        return new ScoringInput(
            all.SelectMany(c => c.Current.Select(s => new Sheet(s.Judge, c.Contestant, s.Round, s.Total, s.Criteria))).ToList(),
            all.SelectMany(c => c.Adjustments.Select(a => new Adjustment(c.Contestant, a.Round, a.Points, a.Reason))).ToList(),
            all.SelectMany(c => c.Closures.Select(x => new RoundClosure(c.Contestant, x.Round))).ToList());
    }

    /// <summary>Only the rounds that are complete (what a screen may show): no judge's number before the round is complete.</summary>
    public static ScoringInput Revealed(ScoringInput input, StandingsResult full)
    {
        var complete = full.Rows.SelectMany(r => r.Detail.Where(d => d.Complete).Select(d => (r.Contestant, d.Round))).ToHashSet();
        var anyRevealed = complete.Select(c => c.Contestant).ToHashSet();
        return new ScoringInput(
            input.Sheets.Where(s => complete.Contains((s.Contestant, s.Round))).ToList(),
            input.Adjustments.Where(a => a.Round is null ? anyRevealed.Contains(a.Contestant) : complete.Contains((a.Contestant, a.Round))).ToList(),
            input.Closures.Where(c => complete.Contains((c.Contestant, c.Round))).ToList());
    }

    public static StandingsView View(StandingsResult result, long version, bool published) =>
        new(version, published, result.Rows.Select(r => new StandingsRowView(r.Rank, r.Contestant, r.Name, r.Total, r.Rounds, r.Complete, r.Award)).ToList());
}
