using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary>One grain-state write of a group commit: a row upsert checked against the row's version (the ETag).</summary>
internal sealed class SqliteStateWrite(string serviceId, string key, long? expected, byte[]? payload) : SqliteWrite
{
    // A first write (no ETag) inserts version 1 and loses to an existing row; a later one updates only the version it
    // read. A clear (NULL payload) keeps the row with a higher version, so a stale activation still fails afterwards.
    private const string Insert = """
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
                                    GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
        VALUES ($s, $k, 0, 0, '', 0, 0, $p, 1, CURRENT_TIMESTAMP)
        ON CONFLICT DO NOTHING
        RETURNING Version
        """;

    private const string Update = """
        UPDATE OrleansStorage SET PayloadBinary = $p, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
        WHERE ServiceId = $s AND GrainTypeString = $k AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = ''
          AND Version = $v
        RETURNING Version
        """;

    private long? _version;

    public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Apply(SqliteBatch batch)
    {
        var command = expected is null ? batch.Command(Insert, "$s", "$k", "$p") : batch.Command(Update, "$s", "$k", "$p", "$v");
        command.Parameters["$s"].Value = serviceId;
        command.Parameters["$k"].Value = key;
        command.Parameters["$p"].Value = (object?)payload ?? DBNull.Value;
        if (expected is not null) command.Parameters["$v"].Value = expected;
        _version = command.ExecuteScalar() is long version ? version : null;
    }

    public override void Committed()
    {
        if (_version is { } version) Done.TrySetResult(version);
        else Done.TrySetException(new InconsistentStateException(
            $"The stored state of {key} changed since it was read (version {expected?.ToString() ?? "none"}).",
            "unknown", expected?.ToString() ?? ""));
    }

    public override void Failed(Exception error) => Done.TrySetException(error);
}
