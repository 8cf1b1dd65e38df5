using Arena.Contestants;
using Arena.Journal;

namespace Arena.Server.Tests.Grains;

public sealed class HashChainTests
{
    private static readonly JournalSigner Signer = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static List<JournalEntry> Stream(int count, JournalSigner? signer = null)
    {
        var entries = new List<JournalEntry>();
        for (var i = 0; i < count; i++)
            entries.Add(HashChain.Next(entries.LastOrDefault(), "contestant:c1", i + 1, DateTimeOffset.UnixEpoch.AddSeconds(i), "judge:j1",
                new SheetSubmitted($"s{i}", $"j{i}", "main", 80 + i, null, 80 + i), signer ?? Signer));
        return entries;
    }

    [Fact]
    public void an_untouched_stream_verifies() => Assert.Empty(HashChain.Check("contestant:c1", Stream(4), Signer));

    [Fact]
    public void a_changed_event_breaks_the_chain()
    {
        var entries = Stream(4);
        entries[1] = entries[1] with { Data = entries[1].Data.Replace("81", "91") };
        Assert.Contains(HashChain.Check("contestant:c1", entries, Signer), p => p.Contains("entry 1"));
    }

    [Fact]
    public void a_dropped_event_breaks_the_chain()
    {
        var entries = Stream(4);
        entries.RemoveAt(2);
        Assert.NotEmpty(HashChain.Check("contestant:c1", entries, Signer));
    }

    [Fact]
    public void a_stream_cannot_pass_for_another()
    {
        Assert.NotEmpty(HashChain.Check("contestant:c2", Stream(2), Signer));
    }

    [Fact]
    public void an_event_moved_elsewhere_in_the_final_s_order_breaks_the_chain()
    {
        var entries = Stream(3);
        entries[1] = entries[1] with { Seq = 7 };
        Assert.Contains(HashChain.Check("contestant:c1", entries, Signer), p => p.Contains("entry 1"));
    }

    [Fact]
    public void a_chain_recomputed_without_the_key_is_caught_by_its_signatures()
    {
        // Whoever writes the database can recompute every hash, but signs with a key of their own.
        var forged = Stream(3, new JournalSigner(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var problem = Assert.Single(HashChain.Check("contestant:c1", forged, Signer).Take(1));
        Assert.Contains("entry 0", problem);
        Assert.Contains("not signed", problem);
    }
}
