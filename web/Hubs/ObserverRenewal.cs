using Arena.Finals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// Every <c>Arena:ObserverRenewalSeconds</c> (10 s): re-subscribes this node's observers, so that a grain that moved
/// (its node died) or dropped a silent observer hears from this node again and sends it what it missed; unsubscribes
/// the finals nobody on this node watches any more.
/// </summary>
public sealed class ObserverRenewal(FinalFanout fanout, FinalGrains finals, IGrainFactory grains, TimeProvider clock, IConfiguration configuration, ILogger<ObserverRenewal> logger)
    : BackgroundService
{
    private readonly TimeSpan _every = TimeSpan.FromSeconds(configuration.GetValue("Arena:ObserverRenewalSeconds", 10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await Renew();
    }

    public async Task Renew()
    {
        var watched = fanout.Watched();
        foreach (var (finalId, observer) in fanout.Observers)
        {
            var final = finals[finalId];
            try
            {
                if (watched.Contains(finalId)) await final.Subscribe(observer.Reference!, observer.SeenVersion);
                else if (fanout.Forget(finalId))
                {
                    await final.Unsubscribe(observer.Reference!);
                    grains.DeleteObjectReference<IFinalObserver>(observer.Reference!);
                    observer.Dispose();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not renew the live subscription of final {Final}; trying again at the next renewal", finalId);
            }
        }
    }
}
