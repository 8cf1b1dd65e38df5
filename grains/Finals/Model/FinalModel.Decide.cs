using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// Every rule of who may change what, and when. A refusal is an ArenaProblem with the contract's status; nothing is
// written for a refused command.
public sealed partial class FinalModel
{
    public Decision Decide(FinalCommand command, Caller caller)
    {
        Admit(caller);
        return Rule(command, caller);
    }

    private Decision Rule(FinalCommand command, Caller caller) => command switch
    {
        CreateFinal c => Create(c.Definition, caller),
        AmendDefinition c => Amend(c, caller),
        CallContestant c => Call(c.Stage, caller),
        SubmitSheetCommand c => Submit(c.Sheet, caller),
        ReopenSheet c => Reopen(c, caller),
        AdjustScore c => Adjust(c, caller),
        CloseRound c => Close(c, caller),
        PublishResults => Publish(caller, asChief: true),
        ChangeScreenMode c => SetMode(c.Mode, caller),
        RunTimer c => StartStop(c, caller),
        SetPublicView c => MakePublic(c, caller),
        OpenVoting c => Open(c, caller),
        CountVotes c => Count(c, caller),
        IssueTickets c => Issue(c, caller),
        IssueAccess c => Issue(c, caller),
        RevokeAccess c => Revoke(c, caller),
        ReleaseAccess c => Release(c, caller),
        WithdrawContestant c => Withdraw(c, caller),
        UndoWithdrawal c => Undo(c, caller),
        CommitDraw c => CommitTheDraw(c, caller),
        RevealDraw c => RevealTheDraw(c, caller),
        RevealAwardTier => RevealTier(caller),
        HoldRanking => Hold(caller),
        ReleaseRanking => ReleaseHeld(caller),
        ConfirmSignOff c => Confirm(c, caller),
        RefuseSignOff c => Refuse(c, caller),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a command of a final"),
    };

    /// <summary>The seal recorded after a round completed: every contestant stream's head as applied now.</summary>
    public StreamsSealed Seal() => new([.. _heads.Values.Where(h => h.Stream != StreamHeads.Final).OrderBy(h => h.Stream, StringComparer.Ordinal)]);

    private Decision Create(FinalDefinition definition, Caller caller)
    {
        if (caller.Role != "admin") throw ArenaProblem.Forbidden("Only the admin can create a final.");
        if (Definition is not null) throw ArenaProblem.Conflict($"A final with id '{FinalId}' exists already.");
        var problems = DefinitionValidator.Validate(definition);
        if (problems.Count > 0) throw ArenaProblem.Invalid("The final definition is not valid.", FieldError.From(problems));
        if (definition.Id != FinalId) throw ArenaProblem.Invalid("The definition's id does not match the final.");
        return Decision.Of(StreamHeads.Final, new FinalCreated(definition));
    }

    private Decision Call(Stage stage, Caller caller)
    {
        var d = ShowRunner(caller);
        FinalChecks.Contestant(d, stage.Contestant);
        FinalChecks.Round(d, stage.Round);
        FinalChecks.NotPublished(Published);
        NotWithdrawn(stage.Contestant, "they cannot be called to the stage");
        return Decision.Of(StreamHeads.Final, new ContestantCalled(stage.Contestant, stage.Round));
    }

    private Decision Submit(SubmitSheet sheet, Caller caller)
    {
        var d = RequireDefinition();
        if (caller.Role != "judge" || !d.Judges.Any(j => j.Id == caller.Subject))
            throw ArenaProblem.Forbidden("Only a judge of this final can submit sheets.");
        if (string.IsNullOrWhiteSpace(sheet.SubmissionId) || sheet.SubmissionId.Length > 100)
            throw ArenaProblem.Invalid("submissionId is required (at most 100 characters).", [new FieldError("submissionId", "required")]);
        FinalChecks.Contestant(d, sheet.Contestant);
        var round = FinalChecks.Round(d, sheet.Round);
        var judge = caller.Subject;
        var fold = Contestant(sheet.Contestant);

        // A retry of a sheet already stored answers as the first time did, whatever happened since.
        if (fold?.BySubmission.GetValueOrDefault((judge, sheet.SubmissionId)) is { } earlier)
        {
            if (earlier.Round == sheet.Round) return new Decision([], new SheetAck(true, earlier.Total, Seq));
            throw ArenaProblem.Conflict($"Submission id {sheet.SubmissionId} was already used for another sheet.");
        }
        FinalChecks.NotPublished(Published);
        NotWithdrawn(sheet.Contestant, "their sheets are no longer taken");
        if (!Assignments.IsAssigned(d, judge, sheet.Round))
            throw ArenaProblem.Forbidden($"Judge {judge} does not score round {sheet.Round}.");
        if (Assignments.IsRecused(d, judge, sheet.Contestant))
            throw ArenaProblem.Forbidden($"Judge {judge} is recused for contestant {sheet.Contestant} and cannot score them.");
        if (d.Gate == Gates.OnStage && Stage != new Stage(sheet.Contestant, sheet.Round))
            throw ArenaProblem.Conflict($"Contestant {sheet.Contestant} is not on stage for round {sheet.Round}; this final only takes sheets for what is on stage.");
        var problems = SheetRules.Validate(round, sheet.Criteria, sheet.Score, out var total);
        if (problems.Count > 0) throw ArenaProblem.Invalid("The sheet is not valid.", FieldError.From(problems));
        if (fold?.Current.ContainsKey((sheet.Round, judge)) == true)
            throw ArenaProblem.Conflict($"Judge {judge} has already submitted a sheet for this contestant in round {sheet.Round}; the chief judge must reopen it first.");
        return Decision.Of(StreamHeads.Of(sheet.Contestant), new SheetSubmitted(sheet.SubmissionId, judge, sheet.Round, total, sheet.Criteria, sheet.Score));
    }

    private Decision Reopen(ReopenSheet c, Caller caller)
    {
        var d = Chief(caller);
        FinalChecks.Contestant(d, c.Contestant);
        FinalChecks.Round(d, c.Round);
        FinalChecks.Judge(d, c.Judge);
        var why = FinalChecks.Reason(c.Reason);
        FinalChecks.NotPublished(Published);
        if (Contestant(c.Contestant)?.Current.ContainsKey((c.Round, c.Judge)) != true)
            throw ArenaProblem.Conflict($"Judge {c.Judge} has no submitted sheet in round {c.Round} to reopen.");
        return Decision.Of(StreamHeads.Of(c.Contestant), new SheetReopened(c.Judge, c.Round, why));
    }

    private Decision Adjust(AdjustScore c, Caller caller)
    {
        var d = Chief(caller);
        FinalChecks.Contestant(d, c.Contestant);
        var round = string.IsNullOrWhiteSpace(c.Round) ? null : c.Round.Trim();
        if (round is not null) FinalChecks.Round(d, round);
        if (c.Points == 0) throw ArenaProblem.Invalid("An adjustment needs non-zero points (negative for a penalty).", [new FieldError("points", "must not be 0")]);
        var why = FinalChecks.Reason(c.Reason);
        FinalChecks.NotPublished(Published);
        if (RequiresSignOff) return ProposeAdjustment(c.Contestant, round, c.Points, why);
        return Decision.Of(StreamHeads.Of(c.Contestant), new AdjustmentApplied(round, c.Points, why));
    }

    private Decision Close(CloseRound c, Caller caller)
    {
        var d = Chief(caller);
        FinalChecks.Contestant(d, c.Contestant);
        FinalChecks.Round(d, c.Round);
        var why = FinalChecks.Reason(c.Reason);
        FinalChecks.NotPublished(Published);
        var now = Standings.Round(c.Contestant, c.Round);
        if (now.Complete) throw ArenaProblem.Conflict($"Round {c.Round} of contestant {c.Contestant} is complete already.");
        // Closing only completes the round: its score is what the sheets present give, and there must be one.
        if (now.Exact is null) throw ArenaProblem.Conflict($"Round {c.Round} of contestant {c.Contestant} has too few sheets for its aggregation to be closed.");
        return Decision.Of(StreamHeads.Of(c.Contestant), new RoundClosed(c.Round, why));
    }

    /// <summary>The chief judge publishes (in a final with sign-off: asks a supervisor to); a supervisor's confirmation
    /// publishes with the same checks (<paramref name="asChief"/> false).</summary>
    private Decision Publish(Caller caller, bool asChief)
    {
        if (asChief) Chief(caller);
        FinalChecks.NotPublished(Published);
        // A withdrawn or absent contestant is not waited for.
        var open = Standings.Full.Rows.Where(r => !r.Complete && r.Withdrawn is null).Select(r => r.Name).ToList();
        if (open.Count > 0)
            throw ArenaProblem.Conflict($"Results can be published only when every contestant is complete; still provisional: {string.Join(", ", open)}.");
        if (asChief && RequiresSignOff) return ProposePublication();
        var heads = _heads.Values.OrderBy(h => h.Stream, StringComparer.Ordinal).ToList();
        return Decision.Of(StreamHeads.Final, new ResultsPublished("", StreamHeads.Digest(heads), heads));
    }

    private Decision SetMode(string mode, Caller caller)
    {
        ShowRunner(caller);
        if (!ScreenModes.All.Contains(mode))
            throw ArenaProblem.Invalid($"mode must be one of {string.Join(", ", ScreenModes.All)}.", [new FieldError("mode", "unknown mode")]);
        return Decision.Of(StreamHeads.Final, new ScreenModeChanged(mode));
    }

    /// <summary>Only the organiser (admin) decides who outside the hall may watch; asking for the state it is in already changes nothing.</summary>
    private Decision MakePublic(SetPublicView c, Caller caller)
    {
        RequireDefinition();
        if (caller.Role != "admin") throw ArenaProblem.Forbidden("Only the admin can open or close the public view.");
        return c.Public == Public ? Decision.None : Decision.Of(StreamHeads.Final, new PublicViewChanged(c.Public, c.Reason?.Trim() ?? ""));
    }

    private Decision StartStop(RunTimer c, Caller caller)
    {
        ShowRunner(caller);
        if (!TimerActions.All.Contains(c.Action))
            throw ArenaProblem.Invalid("action must be start, stop or reset.", [new FieldError("action", "unknown action")]);
        var limit = c.Seconds ?? Timer.Seconds;
        if (limit is < 0 or > 24 * 3600) throw ArenaProblem.Invalid("seconds must be between 0 and 86400.", [new FieldError("seconds", "out of range")]);
        return Decision.Of(StreamHeads.Final, new TimerChanged(c.Action, limit));
    }

    /// <summary>Running the show (stage, screen, timer): the admin, the operator or the chief judge.</summary>
    private FinalDefinition ShowRunner(Caller caller)
    {
        var d = RequireDefinition();
        if (caller.Role is not ("admin" or "operator") && !caller.IsChiefOf(d))
            throw ArenaProblem.Forbidden("Only the admin, the operator or the chief judge can run the show.");
        return d;
    }

    private FinalDefinition Chief(Caller caller)
    {
        var d = RequireDefinition();
        FinalChecks.Chief(d, caller);
        return d;
    }
}
