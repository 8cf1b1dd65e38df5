using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>
/// The judge-consistency report as people read it (<c>GET /api/finals/{id}/report/judges</c>, the review page, the
/// Excel sheet and the result sheet's annex): names and round titles beside the ids, outliers by contestant name.
/// </summary>
public sealed record JudgeReportView(
    string Final, bool Published, OutlierThresholds Thresholds,
    IReadOnlyList<JudgeReportView.JudgeLine> Judges, IReadOnlyList<JudgeReportView.PanelLine> Panels)
{
    public sealed record JudgeLine(
        string Judge, string Name, string Round, string RoundTitle, string? Panel, int Sheets,
        decimal? MeanDeviation, decimal? DeviationSd, int Dropped, decimal? DroppedShare, decimal? Spearman,
        IReadOnlyList<NamedContestant> Outliers);

    public sealed record PanelLine(string Round, string RoundTitle, string? Panel, string? PanelTitle, int Judges, int Contestants, decimal? KendallW);

    public sealed record NamedContestant(string Contestant, string Name);

    public static JudgeReportView From(FinalDefinition d, bool published, JudgeConsistencyReport report)
    {
        string Round(string id) => d.Rounds.FirstOrDefault(r => r.Id == id)?.Title is { Length: > 0 } t ? t : id;
        string? Panel(string round, string? id) => id is null ? null
            : d.Rounds.FirstOrDefault(r => r.Id == round)?.Panels?.FirstOrDefault(p => p.Id == id)?.Title is { Length: > 0 } t ? t : id;
        return new JudgeReportView(d.Id, published, report.Thresholds,
            [.. report.Judges.Select(j => new JudgeLine(j.Judge, d.Judges.FirstOrDefault(x => x.Id == j.Judge)?.Name ?? j.Judge, j.Round, Round(j.Round),
                j.Panel, j.Sheets, j.MeanDeviation, j.DeviationSd, j.Dropped, j.DroppedShare, j.Spearman,
                [.. j.Outliers.Select(c => new NamedContestant(c, d.Contestants.FirstOrDefault(x => x.Id == c)?.Name ?? c))]))],
            [.. report.Panels.Select(p => new PanelLine(p.Round, Round(p.Round), p.Panel, Panel(p.Round, p.Panel), p.Judges, p.Contestants, p.KendallW))]);
    }
}
