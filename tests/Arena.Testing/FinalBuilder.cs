using System.Text.Json.Nodes;

namespace Arena.Testing;

/// <summary>Test finals as the organiser would write them (the DESIGN.md JSON shape).</summary>
public sealed class FinalBuilder
{
    private static int _counter;
    private readonly JsonObject _final;

    public FinalBuilder(int judges = 5, int contestants = 3, string? id = null)
    {
        Id = id ?? $"final-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}";
        _final = new JsonObject
        {
            ["id"] = Id,
            ["title"] = "测试决赛 " + Id,
            ["gate"] = "open",
            ["rounds"] = new JsonArray(new JsonObject
            {
                ["id"] = "main", ["title"] = "主题演讲", ["weight"] = 1, ["max"] = 100, ["step"] = 0.5,
                ["aggregation"] = new JsonObject { ["method"] = "trimmed-mean", ["dropHighest"] = 1, ["dropLowest"] = 1 },
            }),
            ["judges"] = new JsonArray(Enumerable.Range(1, judges).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"j{i}", ["name"] = $"评委{i}", ["chief"] = i == 1, ["recusals"] = new JsonArray(),
            }).ToArray()),
            ["contestants"] = new JsonArray(Enumerable.Range(1, contestants).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"c{i}", ["name"] = $"选手{i}", ["unit"] = "单位", ["order"] = i,
            }).ToArray()),
            ["rounding"] = new JsonObject { ["decimals"] = 2, ["mode"] = "half-up" },
            ["ranking"] = new JsonObject { ["tieBreakers"] = new JsonArray("round:main") },
            ["awards"] = new JsonArray(new JsonObject { ["title"] = "一等奖", ["count"] = 1 }),
        };
    }

    public string Id { get; }

    public FinalBuilder Gated() { _final["gate"] = "on-stage"; return this; }

    public FinalBuilder Mean() { _final["rounds"]![0]!["aggregation"] = new JsonObject { ["method"] = "mean" }; return this; }

    public FinalBuilder Recuse(string judge, string contestant)
    {
        var j = _final["judges"]!.AsArray().First(x => x!["id"]!.GetValue<string>() == judge)!;
        j["recusals"]!.AsArray().Add(contestant);
        return this;
    }

    public FinalBuilder With(Action<JsonObject> change) { change(_final); return this; }

    /// <summary>The first round scored by two panels: the judges as experts (weight 0.8) and the hall voting (0.2).</summary>
    public FinalBuilder Audience(string voters = "tickets", string vote = "share") => With(f =>
    {
        f["rounds"]![0]!["panels"] = new JsonArray(
            new JsonObject { ["id"] = "experts", ["title"] = "专家评审", ["weight"] = 0.8 },
            new JsonObject { ["id"] = "hall", ["title"] = "大众评审", ["weight"] = 0.2, ["kind"] = "audience", ["vote"] = vote, ["voters"] = voters });
        foreach (var j in f["judges"]!.AsArray()) j!["panel"] = "experts";
    });

    public JsonObject Build() => (JsonObject)_final.DeepClone();

    public override string ToString() => _final.ToJsonString();
}
