namespace Arena;

/// <summary>Names of the providers the silo registers and the grains use.</summary>
public static class ArenaProviders
{
    /// <summary>Grain storage (SQLite file by default, PostgreSQL in production).</summary>
    public const string Storage = "arena";
    /// <summary>Orleans' log-storage consistency provider: a grain's whole event list kept in grain storage.</summary>
    public const string LogStorage = "LogStorage";
}
