using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Arena.Finals;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hubs;

/// <summary>
/// The anonymous viewers of public finals on this node (<c>/live/{id}</c>, the public feed): each is one open HTTP
/// response, not a SignalR connection. A change is serialised once per node and the same bytes are handed to every
/// viewer of the final; a viewer slower than the changes only ever gets the newest (each line is the whole screen
/// state, so nothing is lost by skipping one). The newest line is kept while the final has viewers here, so a
/// thousand phones opening at once cost the grain nothing.
/// </summary>
public sealed class PublicViewers(IOptions<JsonOptions> json)
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;
    private readonly ConcurrentDictionary<string, Audience> _finals = new();

    /// <summary>One line of the public feed: <c>{"id":"17","type":"screen","op":"update","seq":17,"data":{…the screen state…}}</c>,
    /// or the last one of a final whose public view was closed; framed once for each format (NDJSON, Server-Sent Events),
    /// so that a viewer costs one write.</summary>
    public sealed record Line(long Version, byte[] Ndjson, byte[] Sse, bool Closed);

    public sealed class Viewer
    {
        internal Channel<Line> Lines { get; } = Channel.CreateBounded<Line>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        public ChannelReader<Line> Reader => Lines.Reader;
    }

    private sealed class Audience
    {
        public readonly ConcurrentDictionary<Viewer, byte> Viewers = new();
        public Line? Newest;
        public bool Gone; // taken out of the dictionary (its last viewer left): a viewer joining now needs a new one
    }

    /// <summary>The viewers of <paramref name="finalId"/> on this node now.</summary>
    public int Count(string finalId) => _finals.TryGetValue(finalId, out var a) ? a.Viewers.Count : 0;

    /// <summary>Every viewer on this node, of every final.</summary>
    public int Total => _finals.Values.Sum(a => a.Viewers.Count);

    /// <summary>A new viewer, given the newest line this node has, or the one <paramref name="first"/> reads when it has none.</summary>
    public async Task<Viewer> Add(string finalId, Func<Task<ScreenState>> first)
    {
        var viewer = new Viewer();
        Audience audience;
        while (true)
        {
            audience = _finals.GetOrAdd(finalId, _ => new Audience());
            lock (audience)
            {
                if (audience.Gone) continue;
                audience.Viewers[viewer] = 0;
                break;
            }
        }
        try
        {
            var line = Volatile.Read(ref audience.Newest) ?? Offer(audience, ToLine(await first()));
            viewer.Lines.Writer.TryWrite(line);
            return viewer;
        }
        catch
        {
            Remove(finalId, viewer);
            throw;
        }
    }

    public void Remove(string finalId, Viewer viewer)
    {
        if (!_finals.TryGetValue(finalId, out var audience)) return;
        lock (audience)
        {
            audience.Viewers.TryRemove(viewer, out _);
            if (!audience.Viewers.IsEmpty) return;
            // Nobody here watches: forget the newest line, which no push keeps fresh once the node stops listening.
            audience.Gone = true;
            _finals.TryRemove(new KeyValuePair<string, Audience>(finalId, audience));
        }
    }

    /// <summary>A change of the final (the coalescer's push): one serialisation, then the same line to every viewer.</summary>
    public void Publish(string finalId, ScreenState state)
    {
        if (!_finals.TryGetValue(finalId, out var audience) || audience.Viewers.IsEmpty) return;
        var line = Offer(audience, ToLine(state));
        foreach (var viewer in audience.Viewers.Keys) viewer.Lines.Writer.TryWrite(line);
    }

    // Only ever a newer line replaces the newest one kept.
    private static Line Offer(Audience audience, Line line)
    {
        while (true)
        {
            var known = Volatile.Read(ref audience.Newest);
            if (known is not null && known.Version >= line.Version) return known;
            if (Interlocked.CompareExchange(ref audience.Newest, line, known) == known) return line;
        }
    }

    private Line ToLine(ScreenState state)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { id = $"{state.Version}", type = "screen", op = "update", seq = state.Version, data = state }, _options);
        byte[] sse = [.. Encoding.UTF8.GetBytes($"id: {state.Version}\nevent: screen\ndata: "), .. json, (byte)'\n', (byte)'\n'];
        return new(state.Version, [.. json, (byte)'\n'], sse, !state.Public);
    }
}
