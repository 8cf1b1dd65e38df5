using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// The journal side of the final: the merged streams, sheets for review, and verification.
public sealed partial class FinalGrain
{
    public async Task<IReadOnlyList<JournalRecord>> Journal()
    {
        var d = Definition;
        var streams = await Task.WhenAll(d.Contestants.Select(c => ContestantOf(c.Id).Entries()));
        return Replay.Merge(State.Entries.Concat(streams.SelectMany(s => s)));
    }

    public async Task<IReadOnlyList<SheetView>> Sheets()
    {
        var d = Definition;
        var result = await Result();
        var views = new List<SheetView>();
        foreach (var row in result.Rows.OrderBy(r => d.Contestants.First(c => c.Id == r.Contestant).Order))
        {
            var record = _contestants.GetValueOrDefault(row.Contestant);
            foreach (var round in d.Rounds)
            {
                var outcomes = row.Detail.First(r => r.Round == round.Id).Sheets;
                foreach (var judge in Assignments.JudgesFor(d, row.Contestant, round.Id))
                {
                    var sheet = record?.Current.FirstOrDefault(s => s.Round == round.Id && s.Judge == judge.Id);
                    var reopened = record?.Reopened.FirstOrDefault(s => s.Round == round.Id && s.Judge == judge.Id);
                    var state = sheet is not null ? "submitted" : reopened is not null ? "reopened" : "pending";
                    views.Add(new SheetView(row.Contestant, round.Id, judge.Id, state, sheet?.Total, sheet?.Criteria,
                        outcomes.FirstOrDefault(o => o.Judge == judge.Id)?.Counted, reopened?.Reason));
                }
            }
        }
        return views;
    }

    public async Task<VerifyReport> Verify()
    {
        var d = Definition;
        var problems = new List<string>();
        var streams = await Task.WhenAll(d.Contestants.Select(async c => ("contestant:" + c.Id, await ContestantOf(c.Id).Entries())));
        problems.AddRange(HashChain.Check("final", State.Entries));
        foreach (var (name, entries) in streams) problems.AddRange(HashChain.Check(name, entries));

        var journal = Replay.Merge(State.Entries.Concat(streams.SelectMany(s => s.Item2)));
        var replayed = Replay.Fold(journal);
        if (replayed.Definition is null) problems.Add("The journal has no FinalCreated event.");
        else
        {
            var fromJournal = ScoringEngine.Compute(replayed.Definition, Replay.Input(replayed.Contestants));
            var live = await Result();
            foreach (var difference in Differences(live, fromJournal)) problems.Add(difference);
        }
        return new VerifyReport(problems.Count == 0, journal.Count, problems);
    }

    private static IEnumerable<string> Differences(StandingsResult live, StandingsResult replayed)
    {
        var byId = replayed.Rows.ToDictionary(r => r.Contestant);
        foreach (var row in live.Rows)
        {
            if (!byId.TryGetValue(row.Contestant, out var other)) { yield return $"{row.Contestant}: missing from the recomputed standings"; continue; }
            if (row.Total != other.Total || row.Rank != other.Rank || row.Complete != other.Complete)
                yield return $"{row.Contestant}: live standings say rank {row.Rank}, total {row.Total}; the journal gives rank {other.Rank}, total {other.Total}";
        }
    }
}
