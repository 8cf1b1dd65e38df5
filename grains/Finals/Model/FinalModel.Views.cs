using Arena.Scoring;

namespace Arena.Finals;

// The projections of the fold: what screens, the chief judge, the review page and exports read.
public sealed partial class FinalModel
{
    public string StateName => Published ? "published" : Stage is not null || HasScores ? "running" : "ready";

    public FinalView View() => new(FinalId, StateName, RequireDefinition(), Stage, Published, Seq, Withdrawals(), SignOffView(), Public);

    public StandingsView StandingsView(bool revealedOnly) =>
        ToView(revealedOnly ? Standings.Revealed : Standings.Full, Seq, Published);

    public static StandingsView ToView(StandingsResult result, long version, bool published) =>
        new(version, published, result.Rows.Select(r =>
            new StandingsRowView(r.Withdrawn is null ? r.Rank : null, r.Contestant, r.Name, r.Total, r.Rounds, r.Complete, r.Award, r.Withdrawn)).ToList());

    /// <summary>Everything a big screen shows, whole; judges' numbers only of complete rounds.</summary>
    public ScreenState Screen()
    {
        var d = RequireDefinition();
        var stage = Stage;
        var submitted = stage is null ? [] : Contestant(stage.Contestant)?.Current.Keys
            .Where(k => k.Round == stage.Round).Select(k => k.Judge).ToList() ?? [];
        var expected = stage is null ? [] : Assignments.JudgesFor(d, stage.Contestant, stage.Round).Select(j => j.Id).ToList();
        RevealView? reveal = null;
        // A contestant who withdrew after their round completed is not revealed any more.
        if (RevealTarget is { } target && !IsWithdrawn(target.Contestant) && Standings.Round(target.Contestant, target.Round) is { Complete: true } done)
            reveal = new RevealView(target.Contestant, target.Round, done.Score, done.Sheets.Select(s => new RevealedSheet(s.Judge, s.Total, s.Counted)).ToList());
        return new ScreenState(Seq, d.Id, d.Title, stage, submitted, expected, reveal, Mode, Timer, Published,
            HeldRanking ?? StandingsView(revealedOnly: true), Withdrawals(), DrawState(), CeremonyState(), DefinitionVersion, Public, VoteState());
    }

    /// <summary>Every assigned judge's sheet of every contestant and round, in running order, with what counted.</summary>
    public IReadOnlyList<SheetView> Sheets()
    {
        var d = RequireDefinition();
        var views = new List<SheetView>();
        foreach (var contestant in d.Contestants.OrderBy(c => c.Order))
        {
            var fold = Contestant(contestant.Id);
            foreach (var round in d.Rounds)
            {
                var outcomes = Standings.Round(contestant.Id, round.Id).Sheets;
                foreach (var judge in Assignments.JudgesFor(d, contestant.Id, round.Id))
                {
                    var sheet = fold?.Current.GetValueOrDefault((round.Id, judge.Id));
                    var reopened = fold?.Reopened.GetValueOrDefault((round.Id, judge.Id));
                    var state = sheet is not null ? "submitted" : reopened is not null ? "reopened" : "pending";
                    // A withdrawn contestant's sheets are kept but count for nothing.
                    var counted = outcomes.FirstOrDefault(o => o.Judge == judge.Id)?.Counted;
                    views.Add(new SheetView(contestant.Id, round.Id, judge.Id, state, sheet?.Total, sheet?.Criteria,
                        counted is not null && IsWithdrawn(contestant.Id) ? false : counted, reopened?.Reason));
                }
            }
        }
        return views;
    }

    /// <summary>The engine's input from the fold (the full recomputation that verification compares against).</summary>
    public ScoringInput Input() => new(
        [.. _contestants.SelectMany(c => c.Value.Current.Values.Select(s => new Sheet(s.Judge, c.Key, s.Round, s.Total, s.Criteria)))],
        [.. _contestants.SelectMany(c => c.Value.Adjustments.Select(a => new Adjustment(c.Key, a.Round, a.Points, a.Reason)))],
        [.. _contestants.SelectMany(c => c.Value.Closures.Select(x => new RoundClosure(c.Key, x.Round)))],
        [.. _contestants.Where(c => c.Value.Withdrawal is not null).Select(c => new Withdrawal(c.Key, c.Value.Withdrawal!.Kind))],
        [.. _contestants.SelectMany(c => c.Value.Votes.Values.Select(v => new VoteCount(c.Key, v.Round, v.Ballots, v.Sum)))]);
}
