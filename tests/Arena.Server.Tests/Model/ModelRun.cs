using Arena.Finals;
using Arena.Journal;
using Arena.Scoring;
using Arena.Testing;

namespace Arena.Server.Tests.Model;

/// <summary>A final's model driven as its grain drives it (decide, chain, apply, seal), without Orleans or storage:
/// for the rules themselves. <see cref="Entries"/> is the journal it would have written.</summary>
internal sealed class ModelRun
{
    public static readonly Caller Admin = new("admin", "admin");
    public static readonly Caller Operator = new("operator", "operator");
    public static readonly Caller Chief = new("judge", "j1");
    public static Caller Judge(string id) => new("judge", id);

    private static readonly JournalSigner Signer = new(new byte[32]);
    private readonly Dictionary<string, JournalEntry> _last = new(StringComparer.Ordinal);

    public ModelRun(FinalBuilder builder)
    {
        var (definition, problems) = DefinitionJson.Parse(builder.ToString());
        Assert.Empty(problems);
        Model = new FinalModel(builder.Id);
        Do(new CreateFinal(definition!), Admin);
    }

    public FinalModel Model { get; }

    public List<JournalEntry> Entries { get; } = [];

    public void Do(FinalCommand command, Caller caller)
    {
        foreach (var change in Model.Decide(command, caller).Changes) Append(change.Stream, caller.Actor, change.Event);
        if (Model.RoundJustCompleted) Append(StreamHeads.Final, "arena", Model.Seal());
    }

    /// <summary>The status of the refusal (the command must be refused).</summary>
    public int Refused(FinalCommand command, Caller caller) => Assert.Throws<ArenaProblem>(() => Do(command, caller)).Status;

    public void Score(string judge, string contestant, decimal score) =>
        Do(new SubmitSheetCommand(new SubmitSheet(Guid.NewGuid().ToString(), contestant, "main", null, score)), Judge(judge));

    /// <summary>Every judge of the final scores the contestant the same.</summary>
    public void ScoreAll(string contestant, decimal score, int judges)
    {
        for (var j = 1; j <= judges; j++) Score($"j{j}", contestant, score);
    }

    public StandingsView Standings => Model.StandingsView(revealedOnly: false);

    /// <summary>Views compared by what they say (their lists and dictionaries are not records).</summary>
    public static string Json(object? view) => System.Text.Json.JsonSerializer.Serialize(view);

    public FinalModel Replayed() => Replay.Fold(Model.FinalId, Replay.Order(Entries));

    private void Append(string stream, string actor, object @event)
    {
        var entry = HashChain.Next(_last.GetValueOrDefault(stream), stream, Model.Seq + 1, DateTimeOffset.UtcNow, actor, @event, Signer);
        _last[stream] = entry;
        Entries.Add(entry);
        Model.Apply(entry);
    }
}
