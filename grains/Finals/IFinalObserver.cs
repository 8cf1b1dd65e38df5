using Orleans.Concurrency;

namespace Arena.Finals;

/// <summary>
/// One per web node and final (not per screen): the final grain tells each node once, and the node pushes to its
/// local SignalR groups. Nodes re-subscribe every few seconds; a node that stops doing so (it died) expires.
/// </summary>
public interface IFinalObserver : IGrainObserver
{
    [OneWay]
    Task Updated(LiveUpdate update);
}
