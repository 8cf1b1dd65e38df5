using System.Collections.Concurrent;
using Arena.Finals;

namespace Arena.Web.Hubs;

/// <summary>
/// This node's references to final grains, one per final for the node's life. Orleans 10.4.2 resolves a grain
/// interface by reflection on every <c>GetGrain</c>; on the judges' hot path (every sheet) that showed in the load
/// test's CPU profile (dotnet-trace), and a reference is only an address.
/// </summary>
public sealed class FinalGrains(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, IFinalGrain> _references = new(StringComparer.Ordinal);

    public IFinalGrain this[string finalId] => _references.GetOrAdd(finalId, id => grains.GetGrain<IFinalGrain>(id));
}
