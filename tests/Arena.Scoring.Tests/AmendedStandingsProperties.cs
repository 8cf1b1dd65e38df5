using System.Text.Json;
using CsCheck;

namespace Arena.Scoring.Tests;

/// <summary>A final amended mid-way: the standings rebuilt under the new definition equal a fresh recomputation under it.</summary>
public class AmendedStandingsProperties
{
    private const int Judges = 7;

    private static readonly Gen<string> Method = Gen.OneOf<string>(
        AggregationMethods.Mean, AggregationMethods.TrimmedMean, AggregationMethods.Median, AggregationMethods.Sum);

    private static readonly Gen<string[]> TieBreakers = Gen.OneOf<string[]>([], ["untrimmed"], ["round:b", "untrimmed"], ["round:a"]);

    private static FinalDefinition Final(string method, int contestants, string[] tieBreakers, decimal weightA, int decimals, bool panels)
    {
        var b = new FinalBuilder().WithJudges(4, "experts").WithJudges(Judges - 4, "public").WithContestants(contestants)
            .WithRound("a", weight: weightA, method: method,
                dropHighest: method == AggregationMethods.TrimmedMean ? 1 : 0, dropLowest: method == AggregationMethods.TrimmedMean ? 1 : 0)
            .WithRound("b", weight: 1m - weightA, method: AggregationMethods.Mean);
        if (panels) b.WithPanels(("experts", 0.7m), ("public", 0.3m));
        return b.WithTieBreakers(tieBreakers).WithRounding(decimals, RoundingModes.HalfUp).WithAward("一等奖", 1).WithAward("二等奖", 2).Build();
    }

    private static readonly Gen<FinalDefinition> Definition =
        Gen.Select(Method, TieBreakers, Gen.Int[2, 6], Gen.Int[1, 9], Gen.Int[0, 3], Gen.Bool)
            .Select((m, t, c, w, d, p) => Final(m, c, t, w / 10m, d, p));

    /// <summary>Sheets, adjustments and closures of contestants c1…c6 (some not in a given definition).</summary>
    private static readonly Gen<ScoringInput> Input =
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 1], Gen.Int[1, Judges], Gen.Int[0, 40]).Array[0, 60]
            .Select(Gen.Select(Gen.Int[1, 6], Gen.Int[-8, 8], Gen.Bool).Array[0, 4], Gen.Select(Gen.Int[1, 6], Gen.Int[0, 1]).Array[0, 4],
                (sheets, adjustments, closures) => new ScoringInput(
                    [.. sheets.Select(s => new Sheet($"j{s.Item3}", $"c{s.Item1}", s.Item2 == 0 ? "a" : "b", s.Item4 * 0.5m))
                        .GroupBy(s => (s.Contestant, s.Round, s.Judge)).Select(g => g.Last())],
                    [.. adjustments.Where(a => a.Item2 != 0).Select(a => new Adjustment($"c{a.Item1}", a.Item3 ? "a" : null, a.Item2 * 0.25m, "why"))],
                    [.. closures.Select(c => new RoundClosure($"c{c.Item1}", c.Item2 == 0 ? "a" : "b")).Distinct()]));

    private static string Json(StandingsResult result) => JsonSerializer.Serialize(result);

    [Fact]
    public void standings_rebuilt_under_an_amended_definition_equal_the_full_recomputation_under_it()
    {
        Gen.Select(Definition, Definition, Input).Sample((before, after, input) =>
        {
            // What the final held under the old definition is what the new one starts from.
            var live = LiveStandings.From(before, input);
            Assert.Equal(Json(ScoringEngine.Compute(before, input)), Json(live.Full));

            var amended = LiveStandings.From(after, input);
            var full = ScoringEngine.Compute(after, input);
            Assert.Equal(Json(full), Json(amended.Full));
            Assert.Equal(Json(ScoringEngine.Revealed(after, input, full)), Json(amended.Revealed));
        }, iter: 300);
    }

    [Fact]
    public void a_round_the_amended_definition_no_longer_has_is_left_out_as_the_engine_leaves_it_out()
    {
        var two = Final(AggregationMethods.Mean, 2, [], 0.5m, 2, panels: false);
        var one = two with { Rounds = [two.Rounds[0] with { Weight = 1m }] };
        var input = new ScoringInput(
            [new Sheet("j1", "c1", "a", 80m), new Sheet("j1", "c1", "b", 60m)],
            [new Adjustment("c1", "b", -5m, "late")], [new RoundClosure("c1", "b")]);
        Assert.Equal(Json(ScoringEngine.Compute(one, input)), Json(LiveStandings.From(one, input).Full));
    }
}
