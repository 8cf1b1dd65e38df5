using Arena.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Server.Tests.Storage;

/// <summary>The append-only journal (IJournalStore) as the silo wires it, on the SQLite file and on PostgreSQL.</summary>
public sealed class JournalStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task appended_entries_read_back_exactly_per_stream_and_per_final(string backend)
    {
        using var store = new TestStore(backend);
        await using (var silo = await store.StartSiloAsync())
        {
            var journal = silo.Services.GetRequiredService<IJournalStore>();
            Assert.True(await journal.AppendAsync("f1", Entries.Of("final", 0, 2), Ct));
            Assert.True(await journal.AppendAsync("f1", Entries.Of("contestant:c1", 0, 1), Ct));
            Assert.True(await journal.AppendAsync("f1", Entries.Of("final", 2, 1), Ct));
            Assert.True(await journal.AppendAsync("f2", Entries.Of("final", 0, 1), Ct));
        }

        // A restarted silo reads what was stored, to the tick of each time and with every field.
        await using var again = await store.StartSiloAsync();
        var reread = again.Services.GetRequiredService<IJournalStore>();
        Assert.Equal(Entries.Of("final", 0, 3), await reread.ReadStreamAsync("f1", "final", Ct));
        Assert.Equal([.. Entries.Of("contestant:c1", 0, 1), .. Entries.Of("final", 0, 3)], await reread.ReadFinalAsync("f1", Ct));
        Assert.Single(await reread.ReadFinalAsync("f2", Ct));
        Assert.Empty(await reread.ReadStreamAsync("f3", "final", Ct));
    }

    [Theory, InlineData(TestStore.Sqlite), InlineData(TestStore.Postgres)]
    public async Task an_append_reusing_a_stored_index_answers_false_and_stores_none_of_its_entries(string backend)
    {
        using var store = new TestStore(backend);
        await using var silo = await store.StartSiloAsync();
        var journal = silo.Services.GetRequiredService<IJournalStore>();
        Assert.True(await journal.AppendAsync("f1", Entries.Of("final", 0, 2), Ct));

        // Indexes 1 and 2: 1 is taken, so 2 must not be stored either.
        Assert.False(await journal.AppendAsync("f1", Entries.Of("final", 1, 2, actor: "second activation"), Ct));

        Assert.Equal(Entries.Of("final", 0, 2), await journal.ReadStreamAsync("f1", "final", Ct));
        Assert.True(await journal.AppendAsync("f1", Entries.Of("final", 2, 1), Ct));
    }
}

/// <summary>Journal entries that differ in every field, with times that need every tick.</summary>
internal static class Entries
{
    private static readonly DateTimeOffset Start = new(2024, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static List<JournalEntry> Of(string stream, int from, int count, string actor = "judge:j1") =>
        Enumerable.Range(from, count).Select(i => new JournalEntry(
            stream, i, Start.AddTicks(1_234_567L * (i + 1)), actor, "SheetSubmitted",
            $$"""{"judge":"j1","total":{{80 + i}}.5,"note":"第{{i}}号"}""", $"hash-{stream}-{i}", i % 2 == 0 ? "" : $"sig-{i}")).ToList();
}
