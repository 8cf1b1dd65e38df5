using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Arena.LoadTest;

/// <summary>
/// The SignalR JSON protocol, as much of it as tablets and screens use: records end with 0x1E; an invocation is
/// <c>{"type":1,"invocationId":"7","target":"Submit","arguments":[…]}</c>, its answer <c>{"type":3,"invocationId":"7","result":…}</c>
/// or <c>…"error":"…"</c>; pushes are invocations without an id. Parsing reads only what the load test needs
/// (type, id, target, the first argument's or the result's <c>version</c>) and skips the rest without allocating.
/// </summary>
public static class HubFrames
{
    public const byte Separator = 0x1E;
    public static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    public static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    public enum Kind { Other, Completion, Update, Ping, Close }

    public readonly record struct Frame(Kind Kind, long InvocationId, long Version, string? Error);

    public static byte[] Invocation(long id, string target, string argumentJson) =>
        Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{argumentJson}]}}\u001e");

    public static Frame Parse(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        int type = 0;
        long id = -1, version = -1;
        string? error = null;
        var isUpdate = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("invocationId"u8)) { reader.Read(); id = Id(ref reader); }
            else if (reader.ValueTextEquals("target"u8)) { reader.Read(); isUpdate = reader.ValueTextEquals("update"u8); }
            else if (reader.ValueTextEquals("error"u8)) { reader.Read(); error = reader.GetString(); }
            else if (reader.ValueTextEquals("result"u8)) { reader.Read(); version = VersionIn(ref reader); }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read(); // [
                if (reader.TokenType == JsonTokenType.StartArray && reader.Read())
                {
                    version = VersionIn(ref reader);
                    while (reader.TokenType != JsonTokenType.EndArray && reader.Read()) reader.Skip();
                }
            }
            else { reader.Read(); reader.Skip(); }
        }
        return type switch
        {
            3 => new Frame(Kind.Completion, id, version, error),
            1 when isUpdate => new Frame(Kind.Update, id, version, null),
            6 => new Frame(Kind.Ping, -1, -1, null),
            7 => new Frame(Kind.Close, -1, -1, error),
            _ => new Frame(Kind.Other, id, version, null),
        };
    }

    private static long Id(ref Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        return Utf8Parser.TryParse(span, out long id, out var used) && used == span.Length ? id : -1;
    }

    /// <summary>The <c>version</c> property of the object the reader is on (skipping the rest of it); -1 when absent.</summary>
    private static long VersionIn(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return -1; }
        long version = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isVersion && reader.TokenType == JsonTokenType.Number) version = reader.GetInt64();
            else reader.Skip();
        }
        return version;
    }
}
