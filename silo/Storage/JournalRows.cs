using System.Data.Common;
using System.Globalization;
using Arena.Journal;

namespace Arena.Silo.Storage;

/// <summary>How a <see cref="JournalEntry"/> maps to a journal row, the same for SQLite and PostgreSQL.</summary>
internal static class JournalRows
{
    /// <summary>The columns a read selects, in the order <see cref="Read"/> expects them.</summary>
    public const string Columns = "Stream, Idx, At, Actor, Type, Data, Hash, Signature, Seq";

    /// <summary>
    /// The time as round-trip text ("O"): the hash covers it to the tick, and a timestamp column would round it
    /// (PostgreSQL keeps microseconds), breaking every chain on the way back. Text also reads well in a SQL shell.
    /// </summary>
    public static string At(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static JournalEntry Read(DbDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        DateTimeOffset.ParseExact(row.GetString(2), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        row.GetString(6),
        row.GetString(7),
        row.GetInt64(8));

    public static async Task<IReadOnlyList<JournalEntry>> ReadAll(DbCommand query, CancellationToken cancellation)
    {
        var entries = new List<JournalEntry>();
        await using var row = await query.ExecuteReaderAsync(cancellation);
        while (await row.ReadAsync(cancellation)) entries.Add(Read(row));
        return entries;
    }
}
