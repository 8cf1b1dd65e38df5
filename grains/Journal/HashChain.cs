using System.Security.Cryptography;
using System.Text;

namespace Arena.Journal;

/// <summary>SHA-256 hash chain over a stream's entries.</summary>
public static class HashChain
{
    /// <summary>The "previous hash" of a stream's first entry: derived from the stream name so streams can't be swapped.</summary>
    public static string Genesis(string stream) => Sha256("arena-genesis\n" + stream);

    /// <summary>The hash of an entry. A sequence number (journals written since they carry one) is covered too, so an
    /// event moved elsewhere in the final's order breaks its chain.</summary>
    public static string Link(string previousHash, string stream, int index, DateTimeOffset at, string actor, string type, string data, long seq = 0) =>
        Sha256(string.Join('\n', seq > 0
            ? [previousHash, stream, index.ToString(), seq.ToString(), at.UtcDateTime.ToString("O"), actor, type, data]
            : new[] { previousHash, stream, index.ToString(), at.UtcDateTime.ToString("O"), actor, type, data }));

    /// <summary>The entry that follows <paramref name="previous"/> (null: the stream's first), hashed and signed.</summary>
    public static JournalEntry Next(JournalEntry? previous, string streamName, long seq, DateTimeOffset at, string actor, object @event, JournalSigner signer)
    {
        var (type, data) = EventJson.Serialize(@event);
        var index = previous is null ? 0 : previous.Index + 1;
        var hash = Link(previous?.Hash ?? Genesis(streamName), streamName, index, at, actor, type, data, seq);
        return new JournalEntry(streamName, index, at, actor, type, data, hash, signer.Sign(hash), seq);
    }

    /// <summary>Entries for <paramref name="events"/>, chained after <paramref name="previous"/> and numbered from <paramref name="firstSeq"/>.</summary>
    public static List<JournalEntry> Continue(JournalEntry? previous, string streamName, long firstSeq, DateTimeOffset at, string actor,
        IReadOnlyList<object> events, JournalSigner signer)
    {
        var entries = new List<JournalEntry>(events.Count);
        foreach (var @event in events) entries.Add(previous = Next(previous, streamName, firstSeq + entries.Count, at, actor, @event, signer));
        return entries;
    }

    /// <summary>Every place where the stream does not verify, in words an auditor understands.</summary>
    public static IEnumerable<string> Check(string streamName, IReadOnlyList<JournalEntry> stream, ISignatureCheck signer)
    {
        var previous = Genesis(streamName);
        for (var i = 0; i < stream.Count; i++)
        {
            var e = stream[i];
            if (e.Stream != streamName || e.Index != i)
                yield return $"{streamName}: entry {i} is out of place (claims {e.Stream}#{e.Index})";
            var expected = Link(previous, streamName, i, e.At, e.Actor, e.Type, e.Data, e.Seq);
            if (expected != e.Hash)
                yield return $"{streamName}: entry {i} ({e.Type}) does not match its hash: it was changed after it was written";
            else if (!signer.Verify(e.Hash, e.Signature))
                yield return $"{streamName}: entry {i} ({e.Type}) is not signed with the journal key {signer.KeyId}: it was written or rewritten by someone else";
            previous = e.Hash;
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
