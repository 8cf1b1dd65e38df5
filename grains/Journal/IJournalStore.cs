namespace Arena.Journal;

/// <summary>
/// Append-only storage of a final's event streams: one row per event (final id, stream, index, time, actor, type,
/// payload, hash, signature), never updated or deleted by Arena. The final's own stream is <c>final</c>, each
/// contestant's is <c>contestant:{id}</c>. The grains replay their stream from here at activation and append each new
/// event here before acknowledging it (<see cref="JournalStreams"/>, Orleans' custom-storage consistency provider), so
/// <c>verify</c> checks what was read back from here, not what a grain merely computed. Implementations: the silo's
/// SqliteJournalStore (table ArenaJournal) and PostgresJournalStore (arena_journal), keyed also by the Orleans ServiceId.
/// </summary>
public interface IJournalStore
{
    /// <summary>Every stored entry of one stream, in index order (empty when the stream has none).</summary>
    Task<IReadOnlyList<JournalEntry>> ReadStreamAsync(string finalId, string stream, CancellationToken cancellation = default);

    /// <summary>Every stored entry of every stream of the final, each stream in index order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadFinalAsync(string finalId, CancellationToken cancellation = default);

    /// <summary>
    /// Appends entries of one stream whose indexes continue it; the task completes once they are durably stored
    /// (committed and fsynced). Returns false and stores none of them when an entry with one of those indexes is
    /// stored already (another activation of the grain wrote first).
    /// </summary>
    Task<bool> AppendAsync(string finalId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellation = default);
}
