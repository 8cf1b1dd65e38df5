namespace Arena;

/// <summary>Names of the providers the silo registers and the grains use.</summary>
public static class ArenaProviders
{
    /// <summary>Grain storage (SQLite file by default, PostgreSQL in production).</summary>
    public const string Storage = "arena";
    /// <summary>
    /// Orleans' custom-storage consistency provider, used by the journaled grains: each grain reads and appends its
    /// stream through <see cref="Journal.IJournalStore"/> (one row per event) via <see cref="Journal.JournalStreams"/>.
    /// </summary>
    public const string Journal = "journal";
    /// <summary>Orleans' log-storage consistency provider: a grain's whole event list re-written into grain storage on every event.</summary>
    public const string LogStorage = "LogStorage";
}
