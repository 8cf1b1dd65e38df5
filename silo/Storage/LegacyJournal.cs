using Arena.Journal;
using Orleans.EventSourcing.LogStorage;
using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary>
/// Reads what Orleans' LogStorage provider kept for Arena's journaled grains before the journal table existed: one
/// OrleansStorage row per grain holding its whole event list, a <see cref="LogStateWithMetaData{TEntry}"/> of
/// <see cref="JournalEntry"/> serialized by <see cref="OrleansGrainStorageSerializer"/> (the same serializer the
/// storage used), under the state name "{grain class}@{grain id}" (see <see cref="GrainScopedStorage.Scope"/>).
/// </summary>
internal static class LegacyJournal
{
    /// <summary>State-name prefixes of the grains that were journaled through LogStorage (LogStorage names the state after the grain class).</summary>
    public static readonly string[] Prefixes = ["Arena.Finals.FinalGrain@final/", "Arena.Contestants.ContestantGrain@contestant/"];

    /// <summary>What a migrated row is renamed to: kept for the record, invisible to every grain.</summary>
    public const string MigratedPrefix = "migrated-to-journal:";

    /// <summary>One legacy row's stream: the final it belongs to and its entries, in index order.</summary>
    public sealed record Stream(string FinalId, IReadOnlyList<JournalEntry> Entries);

    /// <summary>
    /// The legacy row's entries, each signed now with this server's journal key: they were hash-chained but unsigned
    /// before. Signing at migration attests the journal as it was found then (the migration is logged); a row changed
    /// before the migration would already have broken its chain, which the signature does not hide.
    /// </summary>
    public static Stream Read(string stateName, byte[] payload, IGrainStorageSerializer serializer, JournalSigner signer)
    {
        var state = serializer.Deserialize<LogStateWithMetaData<JournalEntry>>(new BinaryData(payload))
            ?? throw new InvalidOperationException($"The stored journal {stateName} reads as nothing; it was not migrated.");
        var entries = state.Log.Select(e => e with { Signature = string.IsNullOrEmpty(e.Signature) ? signer.Sign(e.Hash) : e.Signature }).ToList();
        for (var i = 0; i < entries.Count; i++)
            if (entries[i].Index != i)
                throw new InvalidOperationException($"The stored journal {stateName} has entry {entries[i].Stream}#{entries[i].Index} at position {i}; it was not migrated.");
        return new Stream(FinalIdOf(stateName), entries);
    }

    /// <summary>"Arena.Finals.FinalGrain@final/f1" → f1; "Arena.Contestants.ContestantGrain@contestant/f1/c1" → f1 (ContestantKey).</summary>
    private static string FinalIdOf(string stateName)
    {
        var prefix = Prefixes.First(p => stateName.StartsWith(p, StringComparison.Ordinal));
        var key = Unescape(stateName[prefix.Length..]);
        return prefix == Prefixes[0] ? key : key.Split('/', 2)[0];
    }

    // The inverse of GrainScopedStorage.Scope's escaping.
    private static string Unescape(string key) => key.Replace("%60", "`", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
