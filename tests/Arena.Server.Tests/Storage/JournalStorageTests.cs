namespace Arena.Server.Tests.Storage;

/// <summary>JournaledGrain with the LogStorage provider: its events live in Arena's default storage.</summary>
public sealed class JournalStorageTests
{
    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task confirmed_events_are_replayed_after_a_restart(string backend)
    {
        using var store = new TestStore(backend);
        await using (var silo = await store.StartSiloAsync())
        {
            var journal = silo.Grains.GetGrain<IJournalProbeGrain>("final-1");
            foreach (var item in new[] { "called", "scored", "reopened" })
                await journal.Append(item);
        }

        await using (var silo = await store.StartSiloAsync())
        {
            var journal = silo.Grains.GetGrain<IJournalProbeGrain>("final-1");
            Assert.Equal(["called", "scored", "reopened"], await journal.Items());
            Assert.Equal(3, await journal.ConfirmedVersion());
            await journal.Append("rescored");
        }

        await using var last = await store.StartSiloAsync();
        Assert.Equal(["called", "scored", "reopened", "rescored"], await last.Grains.GetGrain<IJournalProbeGrain>("final-1").Items());
    }
}
