using System.Collections.Concurrent;
using Arena.Web.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's hub connections by the access code that signed their token in (final and code id), so that a revoked
/// code's connections are closed here when the final grain tells this node (<see cref="FinalObserver"/>): every node
/// keeps its own, so revocation reaches every node of a cluster. Admin tokens carry no code and are not kept.
/// </summary>
public sealed class DeviceConnections(ILogger<DeviceConnections> logger)
{
    private readonly ConcurrentDictionary<(string Final, string Code), ConcurrentDictionary<string, HubCallerContext>> _byCode = new();

    public void Add(HubCallerContext context)
    {
        if (Key(context) is not { } key) return;
        _byCode.GetOrAdd(key, _ => new ConcurrentDictionary<string, HubCallerContext>())[context.ConnectionId] = context;
    }

    public void Remove(HubCallerContext context)
    {
        if (Key(context) is { } key && _byCode.TryGetValue(key, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
            if (connections.IsEmpty) _byCode.TryRemove(KeyValuePair.Create(key, connections));
        }
    }

    /// <summary>Closes every connection here opened with one of these codes of the final; returns how many.</summary>
    public int Close(string finalId, IEnumerable<string> codeIds)
    {
        var closed = 0;
        foreach (var code in codeIds)
        {
            if (!_byCode.TryRemove((finalId, code), out var connections)) continue;
            foreach (var context in connections.Values)
            {
                context.Abort();
                closed++;
            }
        }
        if (closed > 0) logger.LogInformation("Closed {Count} hub connections of revoked access codes of final {Final}", closed, finalId);
        return closed;
    }

    private static (string, string)? Key(HubCallerContext context) =>
        context.User?.FindFirst(Tokens.FinalClaim)?.Value is { } final && context.User.FindFirst(Tokens.CodeClaim)?.Value is { } code
            ? (final, code)
            : null;
}
