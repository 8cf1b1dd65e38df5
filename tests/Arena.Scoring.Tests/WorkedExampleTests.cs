using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

/// <summary>The DESIGN.md final: a 70 % rubric speech trimmed 1/1 and a 30 % Q&amp;A split 80/20 between experts and public.</summary>
public class WorkedExampleTests
{
    internal const string Json = """
    {
      "id": "edu-2024-final",
      "title": "2024年贵阳贵安教育系统基层党组织书记“擂台比武”总决赛",
      "gate": "on-stage",
      "rounds": [
        { "id": "speech", "title": "主题演讲", "weight": 0.7,
          "criteria": [ { "id": "content", "title": "内容", "max": 40, "step": 0.5 },
                        { "id": "delivery", "title": "表达", "max": 30, "step": 0.5 },
                        { "id": "effect", "title": "效果", "max": 30, "step": 0.5 } ],
          "aggregation": { "method": "trimmed-mean", "dropHighest": 1, "dropLowest": 1 } },
        { "id": "qa", "title": "现场答题", "weight": 0.3, "max": 100, "step": 0.01,
          "aggregation": { "method": "mean" },
          "panels": [ { "id": "experts", "weight": 0.8 }, { "id": "public", "weight": 0.2 } ] }
      ],
      "judges": [
        { "id": "j1", "name": "王评委", "panel": "experts", "chief": true, "recusals": ["c3"] },
        { "id": "j2", "name": "李评委", "panel": "experts" },
        { "id": "j3", "name": "张评委", "panel": "experts" },
        { "id": "j4", "name": "赵评委", "panel": "experts" },
        { "id": "j5", "name": "陈评委", "panel": "experts" },
        { "id": "j6", "name": "群众代表甲", "panel": "public" },
        { "id": "j7", "name": "群众代表乙", "panel": "public" }
      ],
      "contestants": [
        { "id": "c1", "name": "刘晓美", "unit": "南明区五里冲街道中园社区", "order": 1 },
        { "id": "c2", "name": "周建国", "order": 2 },
        { "id": "c3", "name": "吴丽娟", "order": 3 }
      ],
      "rounding": { "decimals": 2, "mode": "half-up" },
      "ranking": { "tieBreakers": [ "round:speech", "untrimmed" ] },
      "awards": [ { "title": "一等奖", "count": 1 }, { "title": "二等奖", "count": 1 } ]
    }
    """;

    private static readonly FinalDefinition Final = DefinitionJson.Parse(Json).Definition!;

    // A judge's rubric sheet, checked by the same rules as a submission.
    private static Sheet Speech(string judge, string contestant, decimal content, decimal delivery, decimal effect)
    {
        var criteria = new Dictionary<string, decimal> { ["content"] = content, ["delivery"] = delivery, ["effect"] = effect };
        Assert.Empty(SheetRules.Validate(Final.Rounds[0], criteria, null, out var total));
        return new Sheet(judge, contestant, "speech", total, criteria);
    }

    private static IEnumerable<Sheet> Qa(string contestant, params decimal[] byJudge) => Sheets(contestant, "qa", byJudge);

    private static readonly Sheet[] AllSheets =
    [
        // c1 speech: 88.5, 90, 86, 92.5, 89, 95, 84 → drop 95 (j6) and 84 (j7): 446 / 5 = 89.2
        Speech("j1", "c1", 35m, 27m, 26.5m), Speech("j2", "c1", 36m, 27m, 27m), Speech("j3", "c1", 34m, 26m, 26m),
        Speech("j4", "c1", 37m, 28m, 27.5m), Speech("j5", "c1", 35.5m, 26.5m, 27m), Speech("j6", "c1", 38m, 29m, 28m),
        Speech("j7", "c1", 33m, 25.5m, 25.5m),
        // c1 qa: experts 418 / 5 = 83.6, public 93.5 → 0.8 × 83.6 + 0.2 × 93.5 = 85.58
        .. Qa("c1", 80m, 85m, 90m, 75m, 88m, 92m, 95m),
        // c2: only three speech sheets so far (86 kept), no Q&A
        Speech("j1", "c2", 34m, 25m, 26m), Speech("j2", "c2", 35m, 26m, 26m), Speech("j3", "c2", 34m, 26m, 26m),
        // c3, j1 recused (its sheet is ignored): 80, 82.5, 79, 85, 90, 77.5 → drop 90 and 77.5: 326.5 / 4 = 81.625 → 81.63
        Speech("j1", "c3", 40m, 30m, 30m), Speech("j2", "c3", 32m, 24m, 24m), Speech("j3", "c3", 33m, 25m, 24.5m),
        Speech("j4", "c3", 31m, 24m, 24m), Speech("j5", "c3", 34m, 25.5m, 25.5m), Speech("j6", "c3", 36m, 27m, 27m),
        Speech("j7", "c3", 31m, 23m, 23.5m),
        // c3 qa: experts j2–j5 295 / 4 = 73.75, public 80.5 → 59 + 16.1 = 75.1
        .. Qa("c3", 100m, 70m, 72m, 75m, 78m, 80m, 81m),
    ];

    private static readonly StandingsResult Result = Compute(Final, AllSheets);

    [Fact]
    public void the_design_definition_is_valid() => Assert.Empty(DefinitionJson.Parse(Json).Problems);

    [Fact]
    public void contestant_1_scores_89_20_and_85_58_for_a_total_of_88_11()
    {
        var row = Result.Row("c1");

        Assert.Equal(89.2m, row.Rounds["speech"]);
        Assert.Equal(["j6", "j7"], row.Round("speech").Dropped());
        Assert.Equal([83.6m, 93.5m], row.Round("qa").Panels.Select(p => p.Exact));
        Assert.Equal(85.58m, row.Rounds["qa"]);
        Assert.Equal(88.11m, row.Total); // 0.7 × 89.2 + 0.3 × 85.58 = 88.114
        Assert.True(row.Complete);
    }

    [Fact]
    public void contestant_3_is_scored_without_the_recused_chief_judge()
    {
        var row = Result.Row("c3");

        Assert.DoesNotContain(row.Round("speech").Sheets, s => s.Judge == "j1");
        Assert.Equal(81.63m, row.Rounds["speech"]);
        Assert.Equal(75.1m, row.Rounds["qa"]);
        Assert.Equal(79.67m, row.Total); // 0.7 × 81.63 + 0.3 × 75.1 = 79.671
        Assert.True(row.Complete);
    }

    [Fact]
    public void contestant_2_is_provisional_with_the_sheets_so_far()
    {
        var row = Result.Row("c2");

        Assert.Equal(86m, row.Rounds["speech"]);
        Assert.Null(row.Rounds["qa"]);
        Assert.Equal(60.2m, row.Total);
        Assert.False(row.Complete);
    }

    [Fact]
    public void the_ranking_and_awards_follow_the_totals()
    {
        // c2 has no complete round yet (three speech sheets of five, no Q&A): no rank, after the ranked ones.
        Assert.Equal([("c1", 1, "一等奖"), ("c3", 2, "二等奖"), ("c2", 0, null)], Result.Rows.Select(r => (r.Contestant, r.Rank, r.Award)));
        Assert.Equal(["刘晓美", "吴丽娟", "周建国"], Result.Rows.Select(r => r.Name));
    }
}
