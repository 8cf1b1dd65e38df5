namespace Arena.Scoring;

/// <summary>One contestant's part of <see cref="LiveStandings"/>: their sheets, adjustments and closures, and each
/// round's result computed when that round changes (with the untrimmed score when a tie-breaker needs it).</summary>
internal sealed class ContestantScores
{
    private readonly FinalDefinition _d;
    private readonly ContestantDefinition _contestant;
    private readonly bool _withUntrimmed;
    private readonly IReadOnlyList<JudgeDefinition>[] _judges;
    private readonly Dictionary<string, Sheet>[] _sheets;
    private readonly RoundResult[] _results;
    private readonly decimal?[] _untrimmed;
    // What a screen shows of a round that is not complete: the round as if nobody had scored it yet.
    private readonly RoundResult[] _unrevealed;
    private ContestantLine? _full, _revealed;

    public ContestantScores(FinalDefinition d, ContestantDefinition contestant, bool withUntrimmed)
    {
        (_d, _contestant, _withUntrimmed) = (d, contestant, withUntrimmed);
        var n = d.Rounds.Count;
        (_judges, _sheets, _results, _untrimmed, _unrevealed) = (new IReadOnlyList<JudgeDefinition>[n], new Dictionary<string, Sheet>[n], new RoundResult[n], new decimal?[n], new RoundResult[n]);
        for (var i = 0; i < n; i++)
        {
            _judges[i] = Assignments.JudgesFor(d, contestant.Id, d.Rounds[i].Id);
            _sheets[i] = new(StringComparer.Ordinal);
            _unrevealed[i] = RoundScoring.Score(d.Rounds[i], _judges[i], _sheets[i], 0m, false, d.Rounding, untrimmed: false);
            Score(i);
        }
    }

    public Dictionary<string, decimal> RoundAdjustments { get; } = new(StringComparer.Ordinal);
    public decimal TotalAdjustment { get; set; }
    public HashSet<string> Closed { get; } = new(StringComparer.Ordinal);
    /// <summary>The exact counts of the audience panel's closed voting windows, by round.</summary>
    public Dictionary<string, VoteCount> Votes { get; } = new(StringComparer.Ordinal);

    /// <summary>The withdrawal kind while the contestant is withdrawn: the line is then as if nobody had scored them.</summary>
    public string? Withdrawn
    {
        get;
        set { field = value; (_full, _revealed) = (null, null); }
    }

    public Dictionary<string, Sheet> Sheets(string round) => _sheets[IndexOf(round)];

    public RoundResult Result(string round) => _results[IndexOf(round)];

    /// <summary>A round of the definition that is complete now; an unknown round counts as shown (it changes nothing).</summary>
    public bool IsComplete(string round) => IndexOfOrNone(round) is not (var i and >= 0) || _results[i].Complete;

    /// <summary>Recomputes one round (null: only the total changed) and forgets the full line built from it.</summary>
    public void Rescore(string? round)
    {
        if (round is not null && IndexOfOrNone(round) is var i and >= 0) Score(i);
        _full = null;
    }

    /// <summary>The line a screen shows changed too (a complete round changed, or the total's adjustment).</summary>
    public void ForgetRevealed() => _revealed = null;

    public ContestantLine Line(bool revealed) => revealed ? _revealed ??= Build(true) : _full ??= Build(false);

    /// <summary>The line of a withdrawn contestant: every round as if unscored, no adjustment (as ScoringEngine).</summary>
    private ContestantLine Unscored()
    {
        var weighted = 0m;
        for (var i = 0; i < _unrevealed.Length; i++) weighted += _d.Rounds[i].Weight * (_unrevealed[i].Score ?? 0m);
        var total = Rounding.Apply(weighted, _d.Rounding);
        return new ContestantLine(_contestant, total, _withUntrimmed ? total : null, _unrevealed,
            _unrevealed.All(r => r.Complete), _unrevealed.Any(r => r.Score is not null), Withdrawn);
    }

    private void Score(int i)
    {
        var round = _d.Rounds[i];
        var adjustment = RoundAdjustments.GetValueOrDefault(round.Id);
        var closed = Closed.Contains(round.Id);
        var votes = Votes.GetValueOrDefault(round.Id);
        _results[i] = RoundScoring.Score(round, _judges[i], _sheets[i], adjustment, closed, _d.Rounding, untrimmed: false, votes);
        _untrimmed[i] = _withUntrimmed ? RoundScoring.Score(round, _judges[i], _sheets[i], adjustment, closed, _d.Rounding, untrimmed: true, votes).Score : null;
    }

    // As ScoringEngine: round scores weighted as rounded, the total adjustment added, then the total rounded. A
    // screen's line counts complete rounds only, and the total adjustment once some round of the contestant is shown.
    private ContestantLine Build(bool revealed)
    {
        if (Withdrawn is not null) return Unscored();
        decimal weighted = 0m, weightedUntrimmed = 0m;
        var detail = new RoundResult[_results.Length];
        var anyShown = false;
        for (var i = 0; i < _results.Length; i++)
        {
            var shown = !revealed || _results[i].Complete;
            detail[i] = shown ? _results[i] : _unrevealed[i];
            anyShown |= shown;
            weighted += _d.Rounds[i].Weight * (detail[i].Score ?? 0m);
            weightedUntrimmed += _d.Rounds[i].Weight * ((shown ? _untrimmed[i] : _unrevealed[i].Score) ?? 0m);
        }
        var adjustment = anyShown ? TotalAdjustment : 0m;
        return new ContestantLine(_contestant,
            Rounding.Apply(weighted + adjustment, _d.Rounding),
            _withUntrimmed ? Rounding.Apply(weightedUntrimmed + adjustment, _d.Rounding) : null,
            detail, detail.All(r => r.Complete), detail.Any(r => r.Score is not null));
    }

    private int IndexOf(string round) => IndexOfOrNone(round) is var i and >= 0 ? i : throw new ArgumentException($"unknown round {round}", nameof(round));

    private int IndexOfOrNone(string round)
    {
        for (var i = 0; i < _d.Rounds.Count; i++)
            if (_d.Rounds[i].Id == round) return i;
        return -1;
    }
}
