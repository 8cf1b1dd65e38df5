namespace Arena.Scoring;

/// <summary>
/// The standings of a running final, kept up to date one change at a time: a sheet, a withdrawn sheet, an adjustment
/// or a closure rescores only its contestant's round (and that contestant's total); ranking sorts the contestants
/// again, O(C log C), and only when someone asks. Two views: every score (<see cref="Full"/>, for the chief judge and
/// the auditors) and complete rounds only (<see cref="Revealed"/>, what a screen may show).
/// <see cref="ScoringEngine"/> stays the reference: it recomputes everything from the input, and the property tests
/// hold the two equal for random finals and random orders of events; <c>verify</c> uses the engine.
/// </summary>
public sealed class LiveStandings
{
    private readonly FinalDefinition _definition;
    private readonly Dictionary<string, ContestantScores> _contestants = new(StringComparer.Ordinal);
    private StandingsResult? _full, _revealed;

    public LiveStandings(FinalDefinition definition)
    {
        _definition = definition;
        var untrimmed = definition.Ranking.TieBreakers.Contains(TieBreakers.Untrimmed);
        foreach (var c in definition.Contestants) _contestants[c.Id] = new ContestantScores(definition, c, untrimmed);
    }

    /// <summary>
    /// The standings of everything scored so far under a definition, built from scratch (a final amended: its new
    /// definition over the sheets, adjustments and closures already given). What the definition has no place for is
    /// left out, as <see cref="ScoringEngine"/> leaves it out.
    /// </summary>
    public static LiveStandings From(FinalDefinition definition, ScoringInput input)
    {
        var standings = new LiveStandings(definition);
        var rounds = definition.Rounds.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var s in input.Sheets.Where(s => rounds.Contains(s.Round))) standings.SetSheet(s.Contestant, s.Round, s.Judge, s.Total, s.Criteria);
        foreach (var a in input.Adjustments.Where(a => string.IsNullOrEmpty(a.Round) || rounds.Contains(a.Round))) standings.Adjust(a.Contestant, a.Round, a.Points);
        foreach (var c in input.Closures.Where(c => rounds.Contains(c.Round))) standings.Close(c.Contestant, c.Round);
        foreach (var v in (input.Votes ?? []).Where(v => rounds.Contains(v.Round))) standings.SetVotes(v);
        foreach (var w in input.Withdrawals ?? []) standings.Withdraw(w.Contestant, w.Kind);
        return standings;
    }

    /// <summary>The judge's sheet in effect for this contestant and round (a corrected one replaces the earlier).</summary>
    public void SetSheet(string contestant, string round, string judge, decimal total, IReadOnlyDictionary<string, decimal>? criteria = null) =>
        Change(contestant, round, c => c.Sheets(round)[judge] = new Sheet(judge, contestant, round, total, criteria));

    /// <summary>The judge's sheet no longer counts (reopened by the chief judge).</summary>
    public void RemoveSheet(string contestant, string round, string judge) => Change(contestant, round, c => c.Sheets(round).Remove(judge));

    public void Adjust(string contestant, string? round, decimal points)
    {
        if (string.IsNullOrEmpty(round)) Change(contestant, null, c => c.TotalAdjustment += points);
        else Change(contestant, round, c => c.RoundAdjustments[round] = c.RoundAdjustments.GetValueOrDefault(round) + points);
    }

    /// <summary>The audience panel's exact count for this contestant and round (its voting window closed).</summary>
    public void SetVotes(VoteCount votes) => Change(votes.Contestant, votes.Round, c => c.Votes[votes.Round] = votes);

    public void Close(string contestant, string round) => Change(contestant, round, c => c.Closed.Add(round));

    /// <summary>The contestant withdrew (or, with null, came back): out of the ranking; their sheets are kept, not counted.</summary>
    public void Withdraw(string contestant, string? kind)
    {
        if (!_contestants.TryGetValue(contestant, out var scores)) return;
        scores.Withdrawn = kind;
        (_full, _revealed) = (null, null);
    }

    /// <summary>How the contestant's round stands now (every sheet, counted or dropped).</summary>
    public RoundResult Round(string contestant, string round) => _contestants[contestant].Result(round);

    public StandingsResult Full => _full ??= new StandingsResult(Ranking.Sorted(_definition, _contestants.Values.Select(c => c.Line(revealed: false)).ToList()));

    public StandingsResult Revealed => _revealed ??= new StandingsResult(Ranking.Sorted(_definition, _contestants.Values.Select(c => c.Line(revealed: true)).ToList()));

    private void Change(string contestant, string? round, Action<ContestantScores> change)
    {
        if (!_contestants.TryGetValue(contestant, out var scores)) return; // not of this final: the engine ignores it too
        var wasShown = round is null || scores.IsComplete(round);
        change(scores);
        scores.Rescore(round);
        _full = null;
        // Most sheets land in a round that is not complete before or after: what screens show stays as it was.
        if (wasShown || scores.IsComplete(round!))
        {
            scores.ForgetRevealed();
            _revealed = null;
        }
    }
}
