using Orleans.Storage;

namespace Arena.Silo.Storage;

/// <summary>
/// Makes every stored row belong to exactly one grain. Orleans' ADO.NET storage (10.4.2) identifies a row by
/// (ServiceId, state name, grain key) and leaves the grain type out, so two grain classes with the same key and
/// state name would share one row (dotnet/orleans#8746, #9737). It also parses string keys that look like hex
/// numbers as integers, so "0ab", "AB" and "ab" would share a row too (#9706). Passing the full grain id inside
/// the state name (Orleans stores it as GrainTypeString, part of Arena's primary key) closes both holes.
/// Changing <see cref="Scope"/> orphans every stored state: treat its format as part of the schema.
/// </summary>
internal sealed class GrainScopedStorage(IGrainStorage adoNet) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.ReadStateAsync(Scope(stateName, grainId), grainId, grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.ReadStateAsync(Scope(stateName, grainId), grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.WriteStateAsync(Scope(stateName, grainId), grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.WriteStateAsync(Scope(stateName, grainId), grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.ClearStateAsync(Scope(stateName, grainId), grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.ClearStateAsync(Scope(stateName, grainId), grainId, grainState, cancellationToken);

    /// <summary>
    /// "state@finalgrain/f1". A backtick would make the provider parse the name as a generic type name (and throw),
    /// so it and the escape character are percent-encoded; the mapping stays one-to-one.
    /// </summary>
    internal static string Scope(string stateName, GrainId grainId) =>
        $"{stateName}@{grainId}".Replace("%", "%25", StringComparison.Ordinal).Replace("`", "%60", StringComparison.Ordinal);
}
