using Microsoft.Extensions.Logging;

namespace Arena.Silo.Storage;

/// <summary>
/// Applies one schema script when the silo starts. It runs at the very first lifecycle stage because Orleans'
/// ADO.NET providers read their queries from <c>OrleansQuery</c> when they start (clustering at RuntimeGrainServices,
/// grain storage at ApplicationServices) and fail on a database without them. A failure stops the silo.
/// </summary>
internal sealed partial class SchemaInstaller(string script, Func<CancellationToken, Task> apply, ILogger<SchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"Arena schema {script}", ServiceLifecycleStage.First, async cancellation =>
        {
            var started = TimeProvider.System.GetTimestamp();
            await apply(cancellation);
            LogApplied(script, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema {Script} in {ElapsedMs:F0} ms")]
    private partial void LogApplied(string script, double elapsedMs);
}
