using System.Security.Cryptography;
using System.Text;

namespace Arena.Journal;

/// <summary>How far a stream had got: its number of entries and the hash of its last one.</summary>
[GenerateSerializer, Immutable, Alias("arena.stream-head")]
public sealed record StreamHead([property: Id(0)] string Stream, [property: Id(1)] int Count, [property: Id(2)] string Hash);

public static class StreamHeads
{
    /// <summary>The stream names of a final: its own, and one per contestant.</summary>
    public const string Final = "final";

    public static string Of(string contestant) => "contestant:" + contestant;

    /// <summary>The contestant a stream name belongs to; null for the final's own stream.</summary>
    public static string? ContestantOf(string stream) => stream.StartsWith("contestant:", StringComparison.Ordinal) ? stream["contestant:".Length..] : null;

    /// <summary>One hex SHA-256 over every head, in stream-name order: short enough to print on a result sheet.</summary>
    public static string Digest(IEnumerable<StreamHead> heads) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', heads.OrderBy(h => h.Stream, StringComparer.Ordinal).Select(h => $"{h.Stream} {h.Count} {h.Hash}")))));
}
