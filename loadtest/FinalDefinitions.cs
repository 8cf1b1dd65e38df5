using System.Text.Json.Nodes;

namespace Arena.LoadTest;

/// <summary>
/// The finals a run creates: <see cref="Rounds"/> rounds like the sample's speech round (a three-criteria rubric in
/// steps of 0.5, a trimmed mean that drops the highest and the lowest judge), gated on stage, judge j1 the chief, as a
/// real venue would define them.
/// </summary>
/// <remarks>
/// The final's size is the same at every pacing and rate: <c>--contestants</c> contestants and <see cref="Rounds"/>
/// rounds, so the ceiling is measured on one final size (each sheet recomputes the standings of the whole final;
/// adding contestants as the rate rose made a sheet dearer the faster the run went). A final that has heard every
/// contestant calls them again for its next round, as a real final's segments do: "slot" s is contestant
/// s mod C in round s div C. A run that outlasts every round of a final stops that final and reports it exhausted.
/// </remarks>
public static class FinalDefinitions
{
    public const int Rounds = 3;

    public static string RoundId(int round) => round == 0 ? "speech" : $"speech{round + 1}";

    /// <summary>Who is on stage, and for which round, in a final's slot (0-based).</summary>
    public static (string Contestant, string Round) OnStage(int slot, int contestants) =>
        ($"c{slot % contestants + 1}", RoundId(slot / contestants));

    public static byte[] Json(string id, int judges, int contestants) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["id"] = id,
        ["title"] = $"负载测试决赛 {id}",
        ["gate"] = "on-stage",
        ["rounds"] = new JsonArray(Enumerable.Range(0, Rounds).Select(r => (JsonNode)new JsonObject
        {
            ["id"] = RoundId(r), ["title"] = $"主题演讲 {r + 1}", ["weight"] = 1,
            ["criteria"] = new JsonArray(
                Criterion("content", "内容", 40), Criterion("delivery", "表达", 30), Criterion("effect", "效果", 30)),
            ["aggregation"] = new JsonObject { ["method"] = "trimmed-mean", ["dropHighest"] = 1, ["dropLowest"] = 1 },
        }).ToArray()),
        ["judges"] = new JsonArray(Enumerable.Range(1, judges).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"j{i}", ["name"] = $"评委{i}", ["chief"] = i == 1, ["recusals"] = new JsonArray(),
        }).ToArray()),
        ["contestants"] = new JsonArray(Enumerable.Range(1, contestants).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"c{i}", ["name"] = $"选手{i}", ["unit"] = "贵阳市某某街道某某社区", ["order"] = i,
        }).ToArray()),
        ["rounding"] = new JsonObject { ["decimals"] = 2, ["mode"] = "half-up" },
        ["ranking"] = new JsonObject { ["tieBreakers"] = new JsonArray("round:speech", "untrimmed") },
        ["awards"] = new JsonArray(
            new JsonObject { ["title"] = "一等奖", ["count"] = 1 },
            new JsonObject { ["title"] = "二等奖", ["count"] = Math.Min(3, Math.Max(0, contestants - 1)) }),
    }.ToJsonString());

    private static JsonObject Criterion(string id, string title, int max) =>
        new() { ["id"] = id, ["title"] = title, ["max"] = max, ["step"] = 0.5 };

    /// <summary>A plausible sheet: each criterion between 60 % and 100 % of its maximum, in steps of 0.5.</summary>
    public static string Sheet(string submissionId, string contestant, string round)
    {
        static string Mark(int max) => (Math.Round(Random.Shared.Next(max * 6 / 10 * 2, max * 2 + 1) / 2.0, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{{\"submissionId\":\"{submissionId}\",\"contestant\":\"{contestant}\",\"round\":\"{round}\"," +
               $"\"criteria\":{{\"content\":{Mark(40)},\"delivery\":{Mark(30)},\"effect\":{Mark(30)}}}}}";
    }
}
