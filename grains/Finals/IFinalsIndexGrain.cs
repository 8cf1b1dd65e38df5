namespace Arena.Finals;

/// <summary>Every final on this server (key 0), so that the admin can list them.</summary>
public interface IFinalsIndexGrain : IGrainWithIntegerKey
{
    Task Add(string finalId);
    Task<IReadOnlyList<string>> List();
    /// <summary>Whether the final exists: asked before an anonymous request touches a final's grain, so that made-up ids activate nothing.</summary>
    Task<bool> Has(string finalId);
}

public sealed class FinalsIndexGrain([PersistentState("finals", ArenaProviders.Storage)] IPersistentState<FinalsIndex> index)
    : Grain, IFinalsIndexGrain
{
    public async Task Add(string finalId)
    {
        if (index.State.Ids.Contains(finalId)) return;
        index.State.Ids.Add(finalId);
        await index.WriteOrRestoreAsync();
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(index.State.Ids.ToList());

    public Task<bool> Has(string finalId) => Task.FromResult(index.State.Ids.Contains(finalId));
}

[GenerateSerializer]
public sealed class FinalsIndex
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}
