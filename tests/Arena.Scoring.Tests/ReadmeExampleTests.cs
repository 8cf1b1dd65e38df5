using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

/// <summary>The worked example of the README, computed by the engine, so the README cannot drift from the rules.</summary>
public class ReadmeExampleTests
{
    private const string Json = """
    {
      "id": "readme", "title": "README example", "gate": "open",
      "rounds": [
        { "id": "speech", "title": "主题演讲", "weight": 0.7, "max": 100, "step": 0.5,
          "aggregation": { "method": "trimmed-mean", "dropHighest": 1, "dropLowest": 1 } },
        { "id": "qa", "title": "现场答题", "weight": 0.3, "max": 100, "step": 0.01,
          "aggregation": { "method": "mean" },
          "panels": [ { "id": "experts", "weight": 0.8 }, { "id": "public", "weight": 0.2 } ] }
      ],
      "judges": [
        { "id": "j1", "name": "A", "panel": "experts", "chief": true }, { "id": "j2", "name": "B", "panel": "experts" },
        { "id": "j3", "name": "C", "panel": "experts" }, { "id": "j4", "name": "D", "panel": "public" },
        { "id": "j5", "name": "E", "panel": "public" }
      ],
      "contestants": [ { "id": "c1", "name": "刘晓美", "order": 1 } ],
      "rounding": { "decimals": 2, "mode": "half-up" },
      "ranking": { "tieBreakers": [ "round:speech", "untrimmed" ] },
      "awards": [ { "title": "一等奖", "count": 1 } ]
    }
    """;

    [Fact]
    public void the_readme_example_totals_88_60()
    {
        var final = DefinitionJson.Parse(Json).Definition!;
        var sheets = Sheets("c1", "speech", 91.5m, 88.0m, 93.0m, 85.5m, 90.0m).Concat(Sheets("c1", "qa", 86, 88, 90, 80, 85));
        var result = ScoringEngine.Compute(final, Input(sheets, [new Adjustment("c1", "speech", -0.5m, "超时")]));
        var row = result.Row("c1");
        Assert.Equal(89.33m, row.Rounds["speech"]);
        Assert.Equal(["j3", "j4"], row.Round("speech").Dropped().Order());
        Assert.Equal(86.90m, row.Rounds["qa"]);
        Assert.Equal(88.60m, row.Total);
        Assert.True(row.Complete);
        Assert.Equal("一等奖", row.Award);
    }
}
