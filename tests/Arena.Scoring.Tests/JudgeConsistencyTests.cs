using static Arena.Scoring.Tests.Scoring;

namespace Arena.Scoring.Tests;

/// <summary>The judge-consistency figures on small finals worked out by hand (the working is in the comments).</summary>
public sealed class JudgeConsistencyTests
{
    // Three judges, four contestants, one mean round. Means: c1 8.667 (1st), c2 7.333 (2nd), c4 6.667 (3rd), c3 6.333 (4th).
    private static readonly FinalDefinition Mean = new FinalBuilder().WithJudges(3).WithContestants(4).WithRound("main", max: 10).Build();
    private static readonly Sheet[] Sheets =
    [
        .. Scoring.Sheets("c1", "main", 9, 8, 9), .. Scoring.Sheets("c2", "main", 7, 7, 8),
        .. Scoring.Sheets("c3", "main", 8, 6, 5), .. Scoring.Sheets("c4", "main", 5, 9, 6),
    ];

    private static JudgeConsistencyReport Report(FinalDefinition d, IEnumerable<Sheet> sheets, OutlierThresholds? t = null) =>
        JudgeConsistency.Compute(d, Compute(d, sheets), t ?? new OutlierThresholds());

    [Theory]
    // medians c1 9, c2 7, c3 6, c4 6. j1: 0, 0, +2, −1 → mean 0.25, population sd √(4.75/4) = 1.090
    [InlineData("j1", 0.25, 1.090)]
    // j2: −1, 0, 0, +3 → mean 0.5, sd √(9/4) = 1.5
    [InlineData("j2", 0.5, 1.5)]
    // j3: 0, +1, −1, 0 → mean 0, sd √(2/4) = 0.707
    [InlineData("j3", 0, 0.707)]
    public void a_judges_deviation_from_the_panel_median_has_its_mean_and_spread(string judge, double mean, double sd)
    {
        var figures = Report(Mean, Sheets).Judges.Single(j => j.Judge == judge);
        Assert.Equal(4, figures.Sheets);
        Assert.Equal((decimal)mean, figures.MeanDeviation);
        Assert.Equal((decimal)sd, figures.DeviationSd);
        Assert.Equal(0, figures.Dropped); // a plain mean drops nothing
    }

    [Theory]
    // j1 orders c1, c3, c2, c4 against the ranking c1, c2, c4, c3: d = 0, 1, −2, 1 → ρ = 1 − 6·6/(4·15) = 0.4
    [InlineData("j1", 0.4)]
    // j2 orders c4, c1, c2, c3: d = 1, 1, 0, −2 → 0.4
    [InlineData("j2", 0.4)]
    // j3 orders exactly as the ranking
    [InlineData("j3", 1.0)]
    public void a_judges_order_is_compared_with_the_final_ranking_by_spearmans_rho(string judge, double rho) =>
        Assert.Equal((decimal)rho, Report(Mean, Sheets).Judges.Single(j => j.Judge == judge).Spearman);

    [Fact]
    public void the_panels_agreement_is_kendalls_w()
    {
        // Ranks j1: 1 3 2 4, j2: 2 3 4 1, j3: 1 2 4 3 → sums 4 8 10 8, mean 7.5, S = 19; W = 12·19 / (3²·(4³−4)) = 0.422
        var w = Assert.Single(Report(Mean, Sheets).Panels);
        Assert.Equal((3, 4, 0.422m), (w.Judges, w.Contestants, w.KendallW));
    }

    [Fact]
    public void a_recused_judge_leaves_that_contestant_out_of_the_panels_agreement_but_not_out_of_the_others_figures()
    {
        var d = new FinalBuilder().WithJudge("j1").WithJudge("j2").WithJudge("j3", null, "c4").WithContestants(4).WithRound("main", max: 10).Build();
        var sheets = Sheets.Where(s => !(s.Judge == "j3" && s.Contestant == "c4"));
        var report = Report(d, sheets);
        Assert.Equal(3, Assert.Single(report.Panels).Contestants);
        Assert.Equal(3, report.Judges.Single(j => j.Judge == "j3").Sheets);
        Assert.Equal(4, report.Judges.Single(j => j.Judge == "j1").Sheets);
    }

    [Fact]
    public void how_often_a_judges_sheet_was_dropped_by_the_trimmed_mean()
    {
        // c1: 9 7 8 → j1 (highest) and j2 (lowest) dropped; c2: 6 9 5 → j2 (highest) and j3 (lowest) dropped.
        var d = new FinalBuilder().WithJudges(3).WithContestants(2).WithRound("main", method: AggregationMethods.TrimmedMean, dropHighest: 1, dropLowest: 1, max: 10).Build();
        var report = Report(d, [.. Scoring.Sheets("c1", "main", 9, 7, 8), .. Scoring.Sheets("c2", "main", 6, 9, 5)]);
        Assert.Equal([(1, 0.5m), (2, 1m), (1, 0.5m)], report.Judges.Select(j => (j.Dropped, j.DroppedShare!.Value)));
    }

    [Fact]
    public void outliers_are_flagged_with_the_chief_pages_rule_and_its_thresholds()
    {
        // More than 1.5 from the median: c3's 8 by j1 (median 6), c4's 9 by j2 (median 6).
        var report = Report(Mean, Sheets, new OutlierThresholds(Points: 1.5m, Sds: 0));
        Assert.Equal(["c3"], report.Judges.Single(j => j.Judge == "j1").Outliers);
        Assert.Equal(["c4"], report.Judges.Single(j => j.Judge == "j2").Outliers);
        Assert.Empty(report.Judges.Single(j => j.Judge == "j3").Outliers);
        // The chief page's defaults (10 points, 2 sd) flag nothing here: with three sheets no sheet is 2 sd from the mean.
        Assert.All(Report(Mean, Sheets).Judges, j => Assert.Empty(j.Outliers));
    }

    [Fact]
    public void each_panel_is_its_own_median_and_its_own_agreement()
    {
        var d = new FinalBuilder().WithJudges(2, "experts").WithJudges(2, "public").WithContestants(3)
            .WithRound("main", max: 10).WithPanels(("experts", 0.7m), ("public", 0.3m)).Build();
        // experts j1, j2 agree exactly; the public j3, j4 reverse each other.
        var report = Report(d, [.. Scoring.Sheets("c1", "main", 9, 9, 1, 9), .. Scoring.Sheets("c2", "main", 8, 8, 5, 5), .. Scoring.Sheets("c3", "main", 7, 7, 9, 1)]);
        Assert.Equal([("experts", 1m), ("public", 0m)], report.Panels.Select(p => (p.Panel!, p.KendallW!.Value)));
        Assert.Equal(0m, report.Judges.Single(j => j.Judge == "j1").MeanDeviation); // the experts' median is their own score
    }
}
