using System.Text.Json;
using CsCheck;

namespace Arena.Scoring.Tests;

public class ScoringProperties
{
    private const int Judges = 9;

    // Sheets on a half-point step, so that ties, midpoints and equal extremes come up often.
    private static readonly Gen<decimal> Total = Gen.Int[0, 40].Select(i => i * 0.5m);

    private static readonly Gen<string> Method = Gen.OneOf<string>(
        AggregationMethods.Mean, AggregationMethods.TrimmedMean, AggregationMethods.Median, AggregationMethods.Sum);

    /// <summary>Two rounds, the second split into panels; the first aggregated by the given method (trimmed 2/1).</summary>
    private static FinalDefinition Final(string method, int contestants, params string[] tieBreakers) => new FinalBuilder()
        .WithJudges(6, "experts").WithJudges(Judges - 6, "public").WithContestants(contestants)
        .WithRound("a", weight: 0.6m, method: method,
            dropHighest: method == AggregationMethods.TrimmedMean ? 2 : 0, dropLowest: method == AggregationMethods.TrimmedMean ? 1 : 0)
        .WithRound("b", weight: 0.4m, method: AggregationMethods.Median).WithPanels(("experts", 0.7m), ("public", 0.3m))
        .WithTieBreakers(tieBreakers)
        .Build();

    /// <summary>Every judge's sheet for every contestant and round, some left out.</summary>
    private static Gen<Sheet[]> SheetsFor(int contestants) =>
        Gen.Select(Total, Gen.Int[0, 9]).Array[contestants * 2 * Judges].Select(values => values
            .Select((v, i) => (v.Item1, Present: v.Item2 > 0, Judge: $"j{i % Judges + 1}", Round: i / Judges % 2 == 0 ? "a" : "b", Contestant: $"c{i / (2 * Judges) + 1}"))
            .Where(s => s.Present)
            .Select(s => new Sheet(s.Judge, s.Contestant, s.Round, s.Item1))
            .ToArray());

    private static string Json(StandingsResult result) => JsonSerializer.Serialize(result);

    [Fact]
    public void the_order_in_which_judges_submit_does_not_change_the_standings()
    {
        Gen.Select(Method, SheetsFor(3), Gen.Int).Sample((method, sheets, seed) =>
        {
            var d = Final(method, 3, "untrimmed", "round:a");
            var shuffled = sheets.ToArray();
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(Json(ScoringEngine.Compute(d, Scoring.Input(sheets))), Json(ScoringEngine.Compute(d, Scoring.Input(shuffled))));
        }, iter: 300);
    }

    [Fact]
    public void a_trimmed_mean_lies_between_the_lowest_and_highest_counted_sheet()
    {
        var gen = from high in Gen.Int[0, 3]
                  from low in Gen.Int[0, 3]
                  from totals in Total.Array[high + low + 1, 15]
                  select (high, low, totals);
        gen.Sample((high, low, totals) =>
        {
            var d = new FinalBuilder().WithJudges(totals.Length).WithContestants(1)
                .WithRound("r", method: AggregationMethods.TrimmedMean, dropHighest: high, dropLowest: low).Build();

            var round = Scoring.Compute(d, Scoring.Sheets("c1", "r", totals)).Row("c1").Round("r");

            var counted = round.Sheets.Where(s => s.Counted).Select(s => s.Total).ToList();
            var dropped = round.Sheets.Where(s => !s.Counted).Select(s => s.Total).ToList();
            Assert.Equal(totals.Length - high - low, counted.Count);
            Assert.InRange(round.Exact!.Value, counted.Min(), counted.Max());
            // What is dropped is an extreme: never strictly inside the range of what was counted.
            Assert.All(dropped, t => Assert.True(t <= counted.Min() || t >= counted.Max()));
        }, iter: 500);
    }

    [Fact]
    public void raising_one_sheet_never_lowers_that_contestant_s_total()
    {
        Gen.Select(Method, SheetsFor(1).Where(s => s.Length > 0), Gen.Int[0, 1000], Gen.Int[1, 20]).Sample((method, sheets, pick, raise) =>
        {
            var d = Final(method, 1);
            var raised = sheets.ToArray();
            var i = pick % raised.Length;
            raised[i] = raised[i] with { Total = raised[i].Total + raise * 0.5m };

            var before = ScoringEngine.Compute(d, Scoring.Input(sheets)).Row("c1").Total;
            var after = ScoringEngine.Compute(d, Scoring.Input(raised)).Row("c1").Total;

            Assert.True(after >= before, $"{method}: {before} became {after}");
        }, iter: 500);
    }

    [Fact]
    public void without_tie_breakers_the_rank_is_one_more_than_the_number_strictly_ahead()
    {
        Gen.Int[2, 12].SelectMany(n => Total.Array[n]).Sample(totals =>
        {
            var d = new FinalBuilder().WithJudges(1).WithContestants(totals.Length).WithRound("r").Build();
            var result = Scoring.Compute(d, totals.Select((t, i) => Scoring.Sheet("j1", $"c{i + 1}", "r", t)));

            foreach (var row in result.Rows)
                Assert.Equal(1 + result.Rows.Count(other => other.Total > row.Total), row.Rank);
        }, iter: 500);
    }

    [Fact]
    public void a_higher_total_never_has_a_worse_rank_whatever_the_tie_breakers()
    {
        Gen.Select(Method, SheetsFor(4)).Sample((method, sheets) =>
        {
            var d = Final(method, 4, "round:b", "untrimmed");
            var rows = ScoringEngine.Compute(d, Scoring.Input(sheets)).Rows;

            var ranked = rows.Where(r => r.Rank > 0).ToList();
            foreach (var a in ranked)
                foreach (var b in ranked.Where(b => b.Total > a.Total))
                    Assert.True(b.Rank < a.Rank, $"{b.Contestant} {b.Total} ranks {b.Rank}, {a.Contestant} {a.Total} ranks {a.Rank}");
            Assert.Equal(ranked.OrderBy(r => r.Rank).Select(r => r.Contestant), ranked.Select(r => r.Contestant));
            // Ranked are exactly those with a complete round, and they come first; the rest (no rank) after them.
            Assert.All(rows, r => Assert.Equal(r.Detail.Any(x => x.Complete), r.Rank > 0));
            Assert.All(rows.SkipWhile(r => r.Rank > 0), r => Assert.Equal(0, r.Rank));
        }, iter: 300);
    }

    [Fact]
    public void any_damage_to_a_definition_file_gives_problems_not_an_exception()
    {
        var json = WorkedExampleTests.Json;
        var damage = Gen.Select(Gen.Int[0, json.Length - 1], Gen.Int[1, 12], Gen.OneOf("", "null", "[", "}", "\"x\"", "-1", "{}", "[null]"));
        damage.Sample((at, length, insert) =>
        {
            var broken = json.Remove(at, Math.Min(length, json.Length - at)).Insert(at, insert);

            var (definition, problems) = DefinitionJson.Parse(broken);

            Assert.True(definition is not null || problems.Count > 0);
            Assert.Equal(definition is null, problems.Count > 0);
        }, iter: 2000);
    }
}
