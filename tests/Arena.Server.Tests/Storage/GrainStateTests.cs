using Arena.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Arena.Server.Tests.Storage;

/// <summary>[PersistentState] on Arena's storage, against SQLite and PostgreSQL alike.</summary>
public sealed class GrainStateTests
{
    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task a_written_state_survives_a_restart(string backend)
    {
        using var store = new TestStore(backend);
        await using (var silo = await store.StartSiloAsync())
            await silo.Grains.GetGrain<IStateProbeGrain>("final-1").Write("judged");

        await using var restarted = await store.StartSiloAsync();
        Assert.Equal("judged", await restarted.Grains.GetGrain<IStateProbeGrain>("final-1").Read());
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task a_write_with_a_stale_etag_is_rejected_and_changes_nothing(string backend)
    {
        using var store = new TestStore(backend);
        await using var silo = await store.StartSiloAsync();
        var grain = silo.Grains.GetGrain<IStateProbeGrain>("final-1");
        await grain.Write("first");

        // Another writer (think: a duplicate activation during a split brain) moves the stored version on.
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ArenaStorageExtensions.ProviderName);
        var competitor = new GrainState<ProbeState>();
        await storage.ReadStateAsync("state", grain.GetGrainId(), competitor);
        competitor.State = new ProbeState { Value = "competitor" }; // keeps the ETag it read
        await storage.WriteStateAsync("state", grain.GetGrainId(), competitor);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("stale"));
        var stored = new GrainState<ProbeState>();
        await storage.ReadStateAsync("state", grain.GetGrainId(), stored);
        Assert.Equal("competitor", stored.State?.Value);
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task a_first_write_loses_to_a_state_that_already_exists(string backend)
    {
        using var store = new TestStore(backend);
        await using var silo = await store.StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ArenaStorageExtensions.ProviderName);
        var grainId = silo.Grains.GetGrain<IStateProbeGrain>("final-1").GetGrainId();
        await storage.WriteStateAsync("state", grainId, new GrainState<ProbeState>(new ProbeState { Value = "first" }));

        var neverRead = new GrainState<ProbeState>(new ProbeState { Value = "second" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, neverRead));
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task a_cleared_state_stays_empty_after_a_restart_and_can_be_written_again(string backend)
    {
        using var store = new TestStore(backend);
        await using (var silo = await store.StartSiloAsync())
        {
            var grain = silo.Grains.GetGrain<IStateProbeGrain>("final-1");
            await grain.Write("judged");
            await grain.Clear();
            Assert.Null(await grain.Read());
        }

        await using (var silo = await store.StartSiloAsync())
        {
            var grain = silo.Grains.GetGrain<IStateProbeGrain>("final-1");
            Assert.Null(await grain.Read());
            await grain.Write("rejudged");
        }

        await using var last = await store.StartSiloAsync();
        Assert.Equal("rejudged", await last.Grains.GetGrain<IStateProbeGrain>("final-1").Read());
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task many_grains_writing_at_once_all_succeed_and_keep_their_last_write(string backend)
    {
        using var store = new TestStore(backend);
        var keys = Enumerable.Range(1, 16).Select(i => $"contestant-{i}").ToArray();
        await using (var silo = await store.StartSiloAsync())
            await Task.WhenAll(keys.Select(async key =>
            {
                for (var sheet = 1; sheet <= 20; sheet++)
                    await silo.Grains.GetGrain<IStateProbeGrain>(key).Write($"{key} sheet {sheet}");
            }));

        await using var restarted = await store.StartSiloAsync();
        foreach (var key in keys)
            Assert.Equal($"{key} sheet 20", await restarted.Grains.GetGrain<IStateProbeGrain>(key).Read());
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task grains_never_share_state_through_a_shared_key_or_state_name(string backend)
    {
        using var store = new TestStore(backend);
        // Same key and state name in another grain class; keys Orleans' provider would read as the same hex number;
        // a backtick, which the provider would take for a generic type's arity.
        var writes = new (Func<IGrainFactory, IStateProbeGrain> Grain, string Value)[]
        {
            (g => g.GetGrain<IStateProbeGrain>("ab"), "probe ab"),
            (g => g.GetGrain<IOtherStateProbeGrain>("ab"), "other ab"),
            (g => g.GetGrain<IStateProbeGrain>("AB"), "probe AB"),
            (g => g.GetGrain<IStateProbeGrain>("0ab"), "probe 0ab"),
            (g => g.GetGrain<IStateProbeGrain>("odd`key"), "probe odd`key"),
        };
        await using (var silo = await store.StartSiloAsync())
            foreach (var (grain, value) in writes)
                await grain(silo.Grains).Write(value);

        await using var restarted = await store.StartSiloAsync();
        foreach (var (grain, value) in writes)
            Assert.Equal(value, await grain(restarted.Grains).Read());
    }
}
