using Arena.Access;
using Arena.Scoring;
using Arena.Journal;

namespace Arena.Finals;

// The journal side of the final: the merged streams, the standings at any event, sheets for review, verification.
// The journal, the past standings and verification read the rows as stored, not what this activation holds: an
// auditor must see what is on disk, and a row changed there must show up at once, not after a restart.
public sealed partial class FinalGrain
{
    public async Task<IReadOnlyList<JournalRecord>> Journal(Caller caller)
    {
        _model.RequireDefinition();
        _model.Admit(caller);
        return Replay.Number(Replay.Order(await journal.ReadFinalAsync(_model.FinalId)));
    }

    public async Task<StandingsView> Standings(long? at, Caller caller)
    {
        var d = _model.RequireDefinition();
        _model.Admit(caller);
        if (caller.Role == "judge" && !caller.IsChiefOf(d)) throw ArenaProblem.Forbidden("Only the chief judge among the judges can read the standings.");
        var revealedOnly = caller.Role == "screen";
        if (at is null) return _model.StandingsView(revealedOnly);
        var stored = Replay.Order(await journal.ReadFinalAsync(_model.FinalId));
        if (at < 0 || at > stored.Count) throw ArenaProblem.Invalid($"at must be a journal sequence number between 0 and {stored.Count}.", [new FieldError("at", "out of range")]);
        var past = Replay.Fold(_model.FinalId, stored.Take((int)at.Value));
        if (past.Definition is null) return new StandingsView(at.Value, false, []);
        return FinalModel.ToView(revealedOnly ? past.Standings.Revealed : past.Standings.Full, at.Value, past.Published);
    }

    public Task<JudgeConsistencyReport> JudgeReport(OutlierThresholds thresholds, Caller caller)
    {
        var d = _model.RequireDefinition();
        _model.Admit(caller);
        if (caller.Role is not (AccessRoles.Admin or AccessRoles.Auditor or AccessRoles.Supervisor) && !caller.IsChiefOf(d))
            throw ArenaProblem.Forbidden("Only the admin, auditors and the chief judge can read the judges' consistency report.");
        if (thresholds.Points is < 0 or > 1000 || thresholds.Sds is < 0 or > 100)
            throw ArenaProblem.Invalid("points must be 0–1000 and sds 0–100 (0 turns that test off).", [new FieldError(thresholds.Points is < 0 or > 1000 ? "points" : "sds", "out of range")]);
        return Task.FromResult(JudgeConsistency.Compute(d, _model.Standings.Full, thresholds));
    }

    public Task<IReadOnlyList<SheetView>> Sheets(Caller caller)
    {
        _model.Admit(caller);
        var all = _model.Sheets();
        // The chief judge, the admin and auditors see every sheet; another judge only their own.
        var mine = caller.Role == "judge" && !caller.IsChiefOf(_model.RequireDefinition());
        return Task.FromResult<IReadOnlyList<SheetView>>(mine ? [.. all.Where(s => s.Judge == caller.Subject)] : all);
    }

    public async Task<VerifyReport> Verify(Caller caller)
    {
        _model.RequireDefinition();
        _model.Admit(caller);
        var ballots = await journal.ReadFinalAsync(Votes.BallotStreams.Journal(_model.FinalId));
        return JournalVerifier.Verify(_model.FinalId, await journal.ReadFinalAsync(_model.FinalId), signer, _model.Standings.Full, out _, ballots);
    }
}
