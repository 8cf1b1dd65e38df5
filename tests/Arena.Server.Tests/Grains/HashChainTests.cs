using Arena.Contestants;
using Arena.Journal;

namespace Arena.Server.Tests.Grains;

public sealed class HashChainTests
{
    private static List<JournalEntry> Stream(int count)
    {
        var entries = new List<JournalEntry>();
        for (var i = 0; i < count; i++)
            entries.Add(HashChain.Append(entries, "contestant:c1", DateTimeOffset.UnixEpoch.AddSeconds(i), "judge:j1",
                new SheetSubmitted($"s{i}", $"j{i}", "main", 80 + i, null, 80 + i)));
        return entries;
    }

    [Fact]
    public void an_untouched_stream_verifies() => Assert.Empty(HashChain.Check("contestant:c1", Stream(4)));

    [Fact]
    public void a_changed_event_breaks_the_chain()
    {
        var entries = Stream(4);
        entries[1] = entries[1] with { Data = entries[1].Data.Replace("81", "91") };
        Assert.Contains(HashChain.Check("contestant:c1", entries), p => p.Contains("entry 1"));
    }

    [Fact]
    public void a_dropped_event_breaks_the_chain()
    {
        var entries = Stream(4);
        entries.RemoveAt(2);
        Assert.NotEmpty(HashChain.Check("contestant:c1", entries));
    }

    [Fact]
    public void a_stream_cannot_pass_for_another()
    {
        Assert.NotEmpty(HashChain.Check("contestant:c2", Stream(2)));
    }
}
