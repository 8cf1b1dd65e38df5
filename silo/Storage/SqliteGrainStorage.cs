using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary>
/// Grain storage in the embedded SQLite file. Every write is one row upsert guarded by the row's version (the ETag),
/// queued to the file's one <see cref="SqliteWriter"/> (group commit, shared with the journal's appends); a write
/// completes only after the transaction holding it is committed with <c>synchronous = FULL</c> in WAL mode, i.e.
/// fsynced: an acknowledged write survives kill -9 and power loss. Reads run beside it on their own connections.
/// It replaces Orleans' ADO.NET provider on SQLite because that one commits (and fsyncs) once per write, behind one
/// lock, which capped a node at ~800 sheets/s here (README, Performance); PostgreSQL keeps the ADO.NET provider.
/// </summary>
internal sealed class SqliteGrainStorage(DurableSqliteDataSource connections, SqliteWriter writer, IGrainStorageSerializer serializer, IOptions<ClusterOptions> cluster)
    : IGrainStorage
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = connections.OpenConnection();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT PayloadBinary, Version FROM OrleansStorage WHERE ServiceId = $s AND GrainTypeString = $k AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = ''";
        read.Parameters.AddWithValue("$s", _serviceId);
        read.Parameters.AddWithValue("$k", GrainScopedStorage.Scope(stateName, grainId));
        using var row = read.ExecuteReader();
        if (!row.Read())
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
            return Task.CompletedTask;
        }
        var payload = row.IsDBNull(0) ? null : (byte[])row[0];
        grainState.State = payload is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = row.GetInt64(1).ToString();
        grainState.RecordExists = payload is not null;
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = await Enqueue(stateName, grainId, grainState.ETag, serializer.Serialize(grainState.State).ToArray());
        (grainState.ETag, grainState.RecordExists) = (version.ToString(), true);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null) { grainState.State = Activator.CreateInstance<T>(); return; } // nothing stored to clear
        var version = await Enqueue(stateName, grainId, grainState.ETag, payload: null);
        (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), version.ToString(), false);
    }

    private Task<long> Enqueue(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        var write = new SqliteStateWrite(_serviceId, GrainScopedStorage.Scope(stateName, grainId), etag is null ? null : long.Parse(etag), payload);
        writer.Enqueue(write);
        return write.Done.Task;
    }
}
