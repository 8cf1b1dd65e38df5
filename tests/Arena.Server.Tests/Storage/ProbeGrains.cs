using Arena.Silo.Storage;
using Orleans.EventSourcing;
using Orleans.Placement;
using Orleans.Providers;

namespace Arena.Server.Tests.Storage;

// Small grains that exercise Arena's storage wiring the way real grains use it.

public interface IStateProbeGrain : IGrainWithStringKey
{
    Task<string?> Read();
    Task Write(string value);
    Task Clear();
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }
}

/// <summary>State in the named provider, as Arena's grains declare it.</summary>
public sealed class StateProbeGrain(
    [PersistentState("state", ArenaStorageExtensions.ProviderName)] IPersistentState<ProbeState> state) : Grain, IStateProbeGrain
{
    public Task<string?> Read() => Task.FromResult(state.State.Value);

    public Task Write(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();
}

/// <summary>Same state name and type, another grain class, default provider.</summary>
public sealed class OtherStateProbeGrain(
    [PersistentState("state")] IPersistentState<ProbeState> state) : Grain, IOtherStateProbeGrain
{
    public Task<string?> Read() => Task.FromResult(state.State.Value);

    public Task Write(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();
}

public interface IOtherStateProbeGrain : IStateProbeGrain;

public interface IJournalProbeGrain : IGrainWithStringKey
{
    Task Append(string item);
    Task<IReadOnlyList<string>> Items();
    Task<int> ConfirmedVersion();
}

[GenerateSerializer, Immutable, Alias("arena.tests.item-appended")]
public sealed record ItemAppended([property: Id(0)] string Item);

[GenerateSerializer]
public sealed class JournalProbeState
{
    [Id(0)] public List<string> Items { get; set; } = [];

    public void Apply(ItemAppended appended) => Items.Add(appended.Item);
}

/// <summary>No [StorageProvider]: the log lands in the default storage, which must be Arena's.</summary>
[LogConsistencyProvider(ProviderName = ArenaStorageExtensions.LogConsistencyProviderName)]
public sealed class JournalProbeGrain : JournaledGrain<JournalProbeState, ItemAppended>, IJournalProbeGrain
{
    public async Task Append(string item)
    {
        RaiseEvent(new ItemAppended(item));
        await ConfirmEvents();
    }

    public Task<IReadOnlyList<string>> Items() => Task.FromResult<IReadOnlyList<string>>([.. State.Items]);

    public Task<int> ConfirmedVersion() => Task.FromResult(Version);
}

public interface ISiloProbeGrain : IGrainWithStringKey
{
    Task<string> Silo();
}

/// <summary>Activates on the silo that first calls it, so a test can put it on a chosen silo.</summary>
[PreferLocalPlacement]
public sealed class SiloProbeGrain(ILocalSiloDetails silo) : Grain, ISiloProbeGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());
}
