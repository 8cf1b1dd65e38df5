using Arena.Contestants;
using Arena.Journal;
using Arena.Scoring;
using Orleans.EventSourcing;
using Orleans.Providers;
using Microsoft.Extensions.Logging;

namespace Arena.Finals;

[LogConsistencyProvider(ProviderName = ArenaProviders.Journal)]
public sealed partial class FinalGrain(TimeProvider clock, IGrainFactory grains, IJournalStore journal, ILogger<FinalGrain> logger)
    : JournaledGrain<FinalState, JournalEntry>, IFinalGrain
{
    private readonly Dictionary<string, ContestantRecord> _contestants = [];
    // Versions of the live view must rise across reactivations too without a storage write per change:
    // start each activation from the clock (microsecond-scaled milliseconds), then count.
    private long _version;
    private StandingsResult? _result;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _version = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        if (State.Definition is { } d)
        {
            var records = await Task.WhenAll(d.Contestants.Select(c => ContestantOf(c.Id).Get()));
            foreach (var r in records) _contestants[r.Contestant] = r;
        }
    }

    private FinalDefinition Definition => State.Definition ?? throw ArenaProblem.NotFound($"There is no final '{this.GetPrimaryKeyString()}'.");

    private IContestantGrain ContestantOf(string contestant) =>
        grains.GetGrain<IContestantGrain>(ContestantKey.Of(this.GetPrimaryKeyString(), contestant));

    public async Task Create(FinalDefinition definition, Caller caller)
    {
        if (State.Definition is not null) throw ArenaProblem.Conflict($"A final with id '{this.GetPrimaryKeyString()}' exists already.");
        var problems = DefinitionValidator.Validate(definition);
        if (problems.Count > 0) throw ArenaProblem.Invalid("The final definition is not valid.", FieldError.From(problems));
        if (definition.Id != this.GetPrimaryKeyString()) throw ArenaProblem.Invalid("The definition's id does not match the final.");
        await Append(caller, new FinalCreated(definition));
        await grains.GetGrain<IFinalsIndexGrain>(0).Add(definition.Id);
    }

    public Task<bool> Exists() => Task.FromResult(State.Definition is not null);

    public Task<FinalView> Get() =>
        Task.FromResult(new FinalView(Definition.Id, StateName(), Definition, State.Stage, State.Published, _version));

    public Task<FinalSummary> Summary() => Task.FromResult(new FinalSummary(Definition.Id, Definition.Title, StateName()));

    private string StateName() =>
        State.Published ? "published" : State.Stage is not null || _contestants.Values.Any(c => c.Entries > 0) ? "running" : "ready";

    public async Task<long> Call(Stage stage, Caller caller)
    {
        var d = Definition;
        FinalChecks.Contestant(d, stage.Contestant);
        FinalChecks.Round(d, stage.Round);
        FinalChecks.NotPublished(State.Published);
        await Append(caller, new ContestantCalled(stage.Contestant, stage.Round));
        // A contestant called back whose round is complete shows their reveal again; otherwise the reveal clears.
        _revealTarget = RoundOf(stage.Contestant, stage.Round) is { Complete: true } ? stage : null;
        return Notify(UpdateKinds.Stage);
    }

    public async Task<long> Publish(Caller caller)
    {
        var d = Definition;
        FinalChecks.Chief(d, caller);
        FinalChecks.NotPublished(State.Published);
        var open = Result().Result.Rows.Where(r => !r.Complete).Select(r => r.Name).ToList();
        if (open.Count > 0)
            throw ArenaProblem.Conflict($"Results can be published only when every contestant is complete; still provisional: {string.Join(", ", open)}.");
        await Append(caller, new ResultsPublished());
        return Notify(UpdateKinds.Published);
    }

    private async Task Append(Caller caller, object @event)
    {
        RaiseEvent(HashChain.Append(State.Entries, "final", clock.GetUtcNow(), caller.Actor, @event));
        await ConfirmEvents();
    }

    protected override void TransitionState(FinalState state, JournalEntry @event) => state.Apply(@event);
}
