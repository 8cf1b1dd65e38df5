using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;
using Orleans.EventSourcing;
using Orleans.Providers;
using Microsoft.Extensions.Logging;

namespace Arena.Finals;

/// <summary>
/// The final: decides every change with <see cref="FinalModel"/>, appends the events to the stream that owns them,
/// folds them into the model and tells the nodes. Ownership: this grain's own stream ("final") holds what concerns the
/// whole final — the definition, the stage, the screen mode and timer, seals of the contestants' heads, publication;
/// each contestant's stream (<see cref="IContestantGrain"/>) holds their sheets and the chief judge's decisions about
/// them. At activation the model is folded from all of them, so nothing lives only in memory.
/// </summary>
[LogConsistencyProvider(ProviderName = ArenaProviders.Journal)]
public sealed partial class FinalGrain(TimeProvider clock, IGrainFactory grains, IJournalStore journal, JournalSigner signer, ILogger<FinalGrain> logger)
    : JournaledGrain<FinalState, JournalEntry>, IFinalGrain
{
    private FinalModel _model = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _model = Replay.Fold(this.GetPrimaryKeyString(), Replay.Order(await AllEntries()));
        StartTally();
    }

    // References kept for the activation: Orleans 10.4.2 resolves the interface by reflection on every GetGrain, which
    // was a visible part of a sheet's CPU in the load test (dotnet-trace).
    private readonly Dictionary<string, IContestantGrain> _contestantGrains = new(StringComparer.Ordinal);

    private IContestantGrain ContestantOf(string contestant)
    {
        if (!_contestantGrains.TryGetValue(contestant, out var grain))
            _contestantGrains[contestant] = grain = grains.GetGrain<IContestantGrain>(ContestantKey.Of(this.GetPrimaryKeyString(), contestant));
        return grain;
    }

    /// <summary>This grain's stream and every contestant's, as stored.</summary>
    private async Task<IReadOnlyList<JournalEntry>> AllEntries()
    {
        var own = State.Entries.ToList();
        // Every contestant any definition of the final named: one added by an amendment has a stream too.
        var contestants = own.Where(e => e.Type is nameof(FinalCreated) or nameof(DefinitionAmended))
            .Select(e => EventJson.Deserialize(e.Type, e.Data) switch { FinalCreated c => c.Definition, DefinitionAmended a => a.Definition, _ => null })
            .SelectMany(d => d?.Contestants ?? []).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        var streams = await Task.WhenAll(contestants.Select(id => ContestantOf(id).Entries()));
        return [.. own, .. streams.SelectMany(s => s)];
    }

    /// <summary>Decide, append to the owning stream, apply, notify: the one way anything about a final changes.</summary>
    private Task<long> Handle(FinalCommand command, Caller caller) => Run(_model.Decide(command, caller), caller);

    private async Task<long> Run(Decision decision, Caller caller)
    {
        if (decision.Changes.Count == 0) return _model.Seq;
        string kind;
        ReopenNotice? reopened;
        try
        {
            foreach (var stream in decision.Changes.GroupBy(c => c.Stream))
                await Append(stream.Key, caller.Actor, [.. stream.Select(c => c.Event)]);
            (kind, reopened) = (_model.LastKind, _model.LastReopened);
            // A round that just completed seals every contestant stream's head into the final's own stream, so a
            // stream cut short or rolled back in the database later no longer reaches what was recorded.
            if (_model.RoundJustCompleted) await Append(StreamHeads.Final, "arena", [_model.Seal()]);
        }
        catch (ArenaProblem problem) when (problem.Status == 503)
        {
            DeactivateOnIdle(); // a stream moved under the model: the next activation folds what is stored
            throw;
        }
        var revoked = decision.Changes.Select(c => c.Event).OfType<AccessRevoked>().Select(r => r.CodeId).ToList();
        return Notify(kind, reopened, revoked.Count > 0 ? revoked : null);
    }

    private async Task Append(string stream, string actor, IReadOnlyList<object> events)
    {
        IReadOnlyList<JournalEntry> stored;
        var firstSeq = _model.Seq + 1;
        if (StreamHeads.ContestantOf(stream) is { } contestant) stored = await ContestantOf(contestant).Append(actor, firstSeq, events);
        else
        {
            var entries = HashChain.Continue(State.Entries.LastOrDefault(), StreamHeads.Final, firstSeq, clock.GetUtcNow(), actor, events, signer);
            if (!await RaiseConditionalEvents(entries)) throw ArenaProblem.StreamMoved(StreamHeads.Final); // as ContestantGrain.Append
            stored = entries;
        }
        for (var i = 0; i < stored.Count; i++) _model.Apply(stored[i], events[i]);
    }

    public async Task Create(FinalDefinition definition, Caller caller)
    {
        await Handle(new CreateFinal(definition), caller);
        await grains.GetGrain<IFinalsIndexGrain>(0).Add(definition.Id);
    }

    public async Task<AmendResult> Amend(FinalDefinition definition, string? reason, bool dryRun, Caller caller)
    {
        var decision = _model.Decide(new AmendDefinition(definition, reason, dryRun), caller);
        if (decision.Changes is not [{ Event: DefinitionAmended amended }]) return new AmendResult(false, _model.Seq, [], null, null, false);
        var before = _model.StandingsView(revealedOnly: false);
        if (dryRun) return new AmendResult(true, _model.Seq, amended.Changes, before, _model.StandingsUnder(definition), false);
        var version = await Run(decision, caller);
        return new AmendResult(true, version, amended.Changes, before, _model.StandingsView(revealedOnly: false), true);
    }

    public Task<bool> Exists() => Task.FromResult(_model.Definition is not null);

    public Task<FinalView> Get() => Task.FromResult(_model.View());

    public Task<FinalView> Info(Caller caller)
    {
        _model.Admit(caller);
        return Task.FromResult(_model.View());
    }

    public Task Admit(Caller caller)
    {
        _model.Admit(caller);
        return Task.CompletedTask;
    }

    public Task<FinalSummary> Summary() => Task.FromResult(new FinalSummary(_model.FinalId, _model.RequireDefinition().Title, _model.StateName));

    public Task<long> Call(Stage stage, Caller caller) => Handle(new CallContestant(stage), caller);

    public async Task<SheetAck> Submit(SubmitSheet sheet, Caller caller)
    {
        var decision = _model.Decide(new SubmitSheetCommand(sheet), caller);
        if (decision.Repeat is { } earlier) return earlier;
        var version = await Run(decision, caller);
        var stored = _model.Contestant(sheet.Contestant)!.BySubmission[(caller.Subject, sheet.SubmissionId)];
        return new SheetAck(true, stored.Total, version);
    }

    public Task<long> Reopen(string contestant, string round, string judge, string reason, Caller caller) =>
        Handle(new ReopenSheet(contestant, round, judge, reason), caller);

    public Task<long> Adjust(string contestant, string? round, decimal points, string reason, Caller caller) =>
        Handle(new AdjustScore(contestant, round, points, reason), caller);

    public Task<long> Close(string contestant, string round, string reason, Caller caller) =>
        Handle(new CloseRound(contestant, round, reason), caller);

    public Task<long> Publish(Caller caller) => Handle(new PublishResults(), caller);

    public Task<long> ConfirmSignOff(string proposal, string reason, Caller caller) => Handle(new ConfirmSignOff(proposal, reason), caller);

    public Task<long> RefuseSignOff(string proposal, string reason, Caller caller) => Handle(new RefuseSignOff(proposal, reason), caller);

    public Task<long> SetMode(string mode, Caller caller) => Handle(new ChangeScreenMode(mode), caller);

    public Task<long> Timer(string action, int? seconds, Caller caller) => Handle(new RunTimer(action, seconds), caller);

    public Task<long> SetPublic(bool isPublic, string? reason, Caller caller) => Handle(new SetPublicView(isPublic, reason), caller);

    public Task<StandingsResult> Result() => Task.FromResult(_model.Standings.Full);

    protected override void TransitionState(FinalState state, JournalEntry @event) => state.Apply(@event);
}
