using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// The scoring side of the final: sheets, corrections and the standings.
public sealed partial class FinalGrain
{
    public async Task<SheetAck> Submit(SubmitSheet sheet, Caller caller)
    {
        var d = Definition;
        if (caller.Role != "judge" || !d.Judges.Any(j => j.Id == caller.Subject))
            throw ArenaProblem.Forbidden("Only a judge of this final can submit sheets.");
        if (string.IsNullOrWhiteSpace(sheet.SubmissionId) || sheet.SubmissionId.Length > 100)
            throw ArenaProblem.Invalid("submissionId is required (at most 100 characters).", [new FieldError("submissionId", "required")]);
        FinalChecks.Contestant(d, sheet.Contestant);
        var round = FinalChecks.Round(d, sheet.Round);
        var judge = caller.Subject;

        // A retry of a sheet already stored answers as the first time did, whatever happened since.
        var earlier = _contestants.GetValueOrDefault(sheet.Contestant)?.Submissions.FirstOrDefault(s => s.SubmissionId == sheet.SubmissionId);
        if (earlier is not null && earlier.Judge == judge && earlier.Round == sheet.Round)
            return new SheetAck(true, earlier.Total, _version);

        FinalChecks.NotPublished(State.Published);
        if (!Assignments.IsAssigned(d, judge, sheet.Round))
            throw ArenaProblem.Forbidden($"Judge {judge} does not score round {sheet.Round}.");
        if (Assignments.IsRecused(d, judge, sheet.Contestant))
            throw ArenaProblem.Forbidden($"Judge {judge} is recused for contestant {sheet.Contestant} and cannot score them.");
        if (d.Gate == Gates.OnStage && State.Stage != new Stage(sheet.Contestant, sheet.Round))
            throw ArenaProblem.Conflict($"Contestant {sheet.Contestant} is not on stage for round {sheet.Round}; this final only takes sheets for what is on stage.");
        var problems = SheetRules.Validate(round, sheet.Criteria, sheet.Score, out var total);
        if (problems.Count > 0) throw ArenaProblem.Invalid("The sheet is not valid.", FieldError.From(problems));

        var wasComplete = RoundOf(sheet.Contestant, sheet.Round)?.Complete ?? false;
        var record = await ContestantOf(sheet.Contestant).Submit(caller.Actor,
            new SheetSubmitted(sheet.SubmissionId, judge, sheet.Round, total, sheet.Criteria, sheet.Score));
        Changed(record);
        return new SheetAck(true, total, Notify(KindAfter(sheet.Contestant, sheet.Round, wasComplete, UpdateKinds.Submitted)));
    }

    public async Task<long> Reopen(string contestant, string round, string judge, string reason, Caller caller)
    {
        var d = Definition;
        FinalChecks.Chief(d, caller);
        FinalChecks.Contestant(d, contestant);
        FinalChecks.Round(d, round);
        FinalChecks.Judge(d, judge);
        var why = FinalChecks.Reason(reason);
        FinalChecks.NotPublished(State.Published);
        Changed(await ContestantOf(contestant).Reopen(caller.Actor, new SheetReopened(judge, round, why)));
        return Notify(UpdateKinds.Standings, new ReopenNotice(contestant, round, judge, why));
    }

    public async Task<long> Adjust(string contestant, string? round, decimal points, string reason, Caller caller)
    {
        var d = Definition;
        FinalChecks.Chief(d, caller);
        FinalChecks.Contestant(d, contestant);
        if (round is not null) FinalChecks.Round(d, round);
        if (points == 0) throw ArenaProblem.Invalid("An adjustment needs non-zero points (negative for a penalty).", [new FieldError("points", "must not be 0")]);
        var why = FinalChecks.Reason(reason);
        FinalChecks.NotPublished(State.Published);
        Changed(await ContestantOf(contestant).Adjust(caller.Actor, new AdjustmentApplied(round, points, why)));
        return Notify(UpdateKinds.Standings);
    }

    public async Task<long> Close(string contestant, string round, string reason, Caller caller)
    {
        var d = Definition;
        FinalChecks.Chief(d, caller);
        FinalChecks.Contestant(d, contestant);
        FinalChecks.Round(d, round);
        var why = FinalChecks.Reason(reason);
        FinalChecks.NotPublished(State.Published);
        var now = Result().Result.Rows.Single(r => r.Contestant == contestant).Detail.Single(r => r.Round == round);
        if (now.Complete) throw ArenaProblem.Conflict($"Round {round} of contestant {contestant} is complete already.");
        var input = Replay.Input(_contestants.Values);
        var closed = ScoringEngine.Compute(d, input with { Closures = [.. input.Closures, new RoundClosure(contestant, round)] });
        if (closed.Rows.Single(r => r.Contestant == contestant).Detail.Single(r => r.Round == round).Score is null)
            throw ArenaProblem.Conflict($"Round {round} of contestant {contestant} has too few sheets for its aggregation to be closed.");
        Changed(await ContestantOf(contestant).Close(caller.Actor, new RoundClosed(round, why)));
        return Notify(KindAfter(contestant, round, wasComplete: false, UpdateKinds.Standings));
    }

    private void Changed(ContestantRecord record)
    {
        _contestants[record.Contestant] = record;
        _result = null;
    }

    public Task<StandingsResult> Result()
    {
        _result ??= ScoringEngine.Compute(Definition, Replay.Input(_contestants.Values));
        return Task.FromResult(_result);
    }

    public async Task<StandingsView> Standings(long? at, bool revealedOnly)
    {
        var d = Definition;
        if (at is null)
        {
            return Replay.View(revealedOnly ? RevealedStandings() : await Result(), _version, State.Published);
        }
        var journal = await Journal();
        if (at < 0 || at > journal.Count) throw ArenaProblem.Invalid($"at must be a journal sequence number between 0 and {journal.Count}.", [new FieldError("at", "out of range")]);
        var past = Replay.Fold(journal.Take((int)at.Value));
        if (past.Definition is null) return new StandingsView(at.Value, false, []);
        var result = ScoringEngine.Compute(past.Definition, Replay.Input(past.Contestants));
        if (revealedOnly) result = ScoringEngine.Compute(past.Definition, Replay.Revealed(Replay.Input(past.Contestants), result));
        return Replay.View(result, at.Value, past.Published);
    }
}
