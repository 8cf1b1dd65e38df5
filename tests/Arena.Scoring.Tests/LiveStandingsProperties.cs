using System.Text.Json;
using CsCheck;

namespace Arena.Scoring.Tests;

/// <summary>The incremental standings equal the full recomputation, whatever the final and the order of events.</summary>
public class LiveStandingsProperties
{
    private const int Judges = 7;

    private static readonly Gen<string> Method = Gen.OneOf<string>(
        AggregationMethods.Mean, AggregationMethods.TrimmedMean, AggregationMethods.Median, AggregationMethods.Sum);

    private static readonly Gen<string[]> TieBreakers = Gen.OneOf<string[]>([], ["untrimmed"], ["round:b", "untrimmed"], ["round:a"]);

    private static FinalDefinition Final(string method, int contestants, string[] tieBreakers) => new FinalBuilder()
        .WithJudges(4, "experts").WithJudges(Judges - 4, "public").WithContestants(contestants)
        .WithRound("a", weight: 0.6m, method: method,
            dropHighest: method == AggregationMethods.TrimmedMean ? 1 : 0, dropLowest: method == AggregationMethods.TrimmedMean ? 1 : 0)
        .WithRound("b", weight: 0.4m, method: AggregationMethods.Mean).WithPanels(("experts", 0.7m), ("public", 0.3m))
        .WithTieBreakers(tieBreakers).WithAward("一等奖", 1).WithAward("二等奖", 2)
        .Build();

    /// <summary>kind 0–5 sheet, 6 reopen, 7 adjustment, 8 closure, 9 withdrawal or its undoing; then contestant, round,
    /// judge and a value.</summary>
    private static readonly Gen<(int Kind, int Contestant, int Round, int Judge, int Value)> Event =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 6], Gen.Int[0, 1], Gen.Int[1, Judges], Gen.Int[-6, 40]);

    private static string Json(StandingsResult result) => JsonSerializer.Serialize(result);

    [Fact]
    public void incremental_standings_equal_the_full_recomputation_after_every_event()
    {
        Gen.Select(Method, TieBreakers, Gen.Int[2, 6], Event.Array[1, 80]).Sample((method, tieBreakers, contestants, events) =>
        {
            var d = Final(method, contestants, tieBreakers);
            var live = new LiveStandings(d);
            var sheets = new Dictionary<(string, string, string), Sheet>();
            var adjustments = new List<Adjustment>();
            var closures = new List<RoundClosure>();
            var withdrawals = new Dictionary<string, Withdrawal>();
            foreach (var (kind, c, r, j, value) in events)
            {
                var (contestant, round, judge) = ($"c{(c - 1) % contestants + 1}", r == 0 ? "a" : "b", $"j{j}");
                switch (kind)
                {
                    case <= 5:
                        var total = Math.Abs(value) * 0.5m;
                        sheets[(contestant, round, judge)] = new Sheet(judge, contestant, round, total);
                        live.SetSheet(contestant, round, judge, total);
                        break;
                    case 6:
                        sheets.Remove((contestant, round, judge));
                        live.RemoveSheet(contestant, round, judge);
                        break;
                    case 7:
                        var named = value % 2 == 0 ? round : null;
                        adjustments.Add(new Adjustment(contestant, named, value * 0.25m, "why"));
                        live.Adjust(contestant, named, value * 0.25m);
                        break;
                    case 9:
                        if (!withdrawals.Remove(contestant))
                            withdrawals[contestant] = new Withdrawal(contestant, value % 2 == 0 ? WithdrawalKinds.Withdrawn : WithdrawalKinds.Absent);
                        live.Withdraw(contestant, withdrawals.GetValueOrDefault(contestant)?.Kind);
                        break;
                    default:
                        if (closures.Contains(new RoundClosure(contestant, round))) break;
                        closures.Add(new RoundClosure(contestant, round));
                        live.Close(contestant, round);
                        break;
                }

                var input = new ScoringInput([.. sheets.Values], adjustments, closures, [.. withdrawals.Values]);
                var full = ScoringEngine.Compute(d, input);
                Assert.Equal(Json(full), Json(live.Full));
                Assert.Equal(Json(ScoringEngine.Revealed(d, input, full)), Json(live.Revealed));
            }
        }, iter: 200);
    }

    [Fact]
    public void a_final_nobody_has_scored_yet_is_the_full_recomputation_of_nothing()
    {
        Gen.Select(Method, TieBreakers, Gen.Int[1, 6]).Sample((method, tieBreakers, contestants) =>
        {
            var d = Final(method, contestants, tieBreakers);
            var live = new LiveStandings(d);
            Assert.Equal(Json(ScoringEngine.Compute(d, ScoringInput.Empty)), Json(live.Full));
            Assert.Equal(Json(ScoringEngine.Compute(d, ScoringInput.Empty)), Json(live.Revealed));
        }, iter: 50);
    }
}
