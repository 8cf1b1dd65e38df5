using System.Security.Cryptography;
using System.Text;

namespace Arena.Journal;

/// <summary>SHA-256 hash chain over a stream's entries.</summary>
public static class HashChain
{
    /// <summary>The "previous hash" of a stream's first entry: derived from the stream name so streams can't be swapped.</summary>
    public static string Genesis(string stream) => Sha256("arena-genesis\n" + stream);

    public static string Link(string previousHash, string stream, int index, DateTimeOffset at, string actor, string type, string data) =>
        Sha256(string.Join('\n', previousHash, stream, index.ToString(), at.UtcDateTime.ToString("O"), actor, type, data));

    public static JournalEntry Append(IReadOnlyList<JournalEntry> stream, string streamName, DateTimeOffset at, string actor, object @event)
    {
        var previous = stream.Count == 0 ? Genesis(streamName) : stream[^1].Hash;
        var (type, data) = EventJson.Serialize(@event);
        var hash = Link(previous, streamName, stream.Count, at, actor, type, data);
        return new JournalEntry(streamName, stream.Count, at, actor, type, data, hash);
    }

    /// <summary>Every place where the stream does not verify, in words an auditor understands.</summary>
    public static IEnumerable<string> Check(string streamName, IReadOnlyList<JournalEntry> stream)
    {
        var previous = Genesis(streamName);
        for (var i = 0; i < stream.Count; i++)
        {
            var e = stream[i];
            if (e.Stream != streamName || e.Index != i)
                yield return $"{streamName}: entry {i} is out of place (claims {e.Stream}#{e.Index})";
            var expected = Link(previous, streamName, i, e.At, e.Actor, e.Type, e.Data);
            if (expected != e.Hash)
                yield return $"{streamName}: entry {i} ({e.Type}) does not match its hash: it was changed after it was written";
            previous = e.Hash;
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
