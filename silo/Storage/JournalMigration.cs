using Microsoft.Extensions.Logging;

namespace Arena.Silo.Storage;

/// <summary>
/// Moves journals kept the old way (Orleans' LogStorage: a grain's whole event list in one OrleansStorage row) into
/// the journal table, once, when the silo starts: after the schema (which creates the table) and before any grain
/// can activate and read an empty stream. Each backend does it in one transaction: insert every entry as a row
/// (index, time, actor, type, data and hash kept, so the hash chains still verify) and rename the old rows with
/// <see cref="LegacyJournal.MigratedPrefix"/>, kept for the record. A row that cannot be read stops the silo.
/// </summary>
internal sealed partial class JournalMigration(Func<CancellationToken, Task<(int Streams, int Events)>> migrate, ILogger<JournalMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // Schema installers run at First; participants of one stage run concurrently, so this goes one stage later.
    private const int Stage = ServiceLifecycleStage.First + 1;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe("Arena journal migration", Stage, async cancellation =>
        {
            var (streams, events) = await migrate(cancellation);
            if (streams > 0) LogMigrated(streams, events);
        });

    // Warning, not Information: a one-off change to the stored data that an operator running at Warning should still see.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Migrated {Streams} journal streams ({Events} events) from LogStorage grain state to the journal table; the old rows are kept, renamed '" + LegacyJournal.MigratedPrefix + "…'")]
    private partial void LogMigrated(int streams, int events);
}
