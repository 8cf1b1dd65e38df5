using System.Globalization;
using System.Text;
using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Arena.Web.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;

namespace Arena.Web.Api;

/// <summary>Results with every judge's sheet, as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and Excel.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").RequireAuthorization().WithTags("export");
        final.MapGet("/export.csv", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
            var table = await Table(grains.GetGrain<IFinalGrain>(id), caller);
            var csv = new StringBuilder();
            foreach (var row in table) csv.AppendLine(string.Join(',', row.Select(Csv)));
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
                "text/csv; charset=utf-8", $"{id}-results.csv");
        });
        final.MapGet("/export.xlsx", async (string id, HttpContext http, IGrainFactory grains) =>
        {
            var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
            var table = await Table(grains.GetGrain<IFinalGrain>(id), caller);
            var header = table[0];
            var rows = table.Skip(1).Select(r => header.Select((h, i) => ((string)h, v: (object?)r[i])).ToDictionary(x => x.Item1, x => x.v)).ToList();
            // The judge-consistency figures beside the results (with the chief page's default outlier thresholds).
            var final = grains.GetGrain<IFinalGrain>(id);
            var info = await final.Info(caller);
            var report = JudgeReportView.From(info.Definition, info.Published, await final.JudgeReport(new Scoring.OutlierThresholds(), caller));
            var stream = new MemoryStream();
            await stream.SaveAsAsync(new Dictionary<string, object> { ["results"] = rows, ["judges"] = JudgeRows(report), ["concordance"] = PanelRows(report) });
            return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{id}-results.xlsx");
        });
        return app;
    }

    /// <summary>One line per contestant: rank, total, award, each round's score, then each judge's sheet per round (dropped ones marked).</summary>
    private static async Task<List<object[]>> Table(IFinalGrain final, Caller caller)
    {
        var view = await final.Info(caller);
        var d = view.Definition;
        var result = await final.Result();
        var header = new List<string> { "rank", "contestant", "name", "unit", "total", "award", "status" };
        foreach (var r in d.Rounds)
        {
            header.Add($"{r.Id}");
            header.AddRange(d.Judges.Select(j => $"{r.Id}/{j.Id}"));
        }
        var table = new List<object[]> { header.Select(Text).ToArray() };
        IReadOnlyList<SheetView>? all = null; // every sheet, read once if a withdrawn contestant's kept sheets are listed
        foreach (var row in result.Rows)
        {
            var c = d.Contestants.First(x => x.Id == row.Contestant);
            // A withdrawn contestant: no rank, no total, status withdrawn (弃权) or absent (缺席); their sheets still listed.
            var line = row.Withdrawn is { } kind
                ? new List<object> { "", Text(c.Id), Text(c.Name), Text(c.Unit ?? ""), "", "", $"{kind} ({Kinds[kind]})" }
                : [row.Rank, Text(c.Id), Text(c.Name), Text(c.Unit ?? ""), Fixed(row.Total, d), Text(row.Award ?? ""),
                    view.Published ? "published" : row.Complete ? "complete" : "provisional"];
            var sheets = row.Withdrawn is null ? null : (all ??= await final.Sheets(caller)).Where(s => s.Contestant == c.Id).ToList();
            foreach (var r in d.Rounds)
            {
                var detail = row.Detail.First(x => x.Round == r.Id);
                line.Add(detail.Score is { } s ? Fixed(s, d) : "");
                line.AddRange(sheets is not null
                    ? d.Judges.Select(j => sheets.FirstOrDefault(s => s.Round == r.Id && s.Judge == j.Id && s.Total is not null) is { } kept
                        ? Num(kept.Total!.Value) + " (not counted)" : "")
                    : d.Judges.Select(j => detail.Sheets.FirstOrDefault(s => s.Judge == j.Id) is { } sheet
                        ? Num(sheet.Total) + (sheet.Counted ? "" : " (dropped)") : ""));
            }
            table.Add(line.ToArray());
        }
        return table;
    }

    private static List<Dictionary<string, object?>> JudgeRows(JudgeReportView report) =>
        [.. report.Judges.Select(j => new Dictionary<string, object?>
        {
            ["judge"] = Text(j.Judge), ["name"] = Text(j.Name), ["round"] = Text(j.RoundTitle), ["panel"] = Text(j.Panel ?? ""), ["sheets"] = j.Sheets,
            ["meanDeviation"] = j.MeanDeviation, ["deviationSd"] = j.DeviationSd, ["dropped"] = j.Dropped, ["droppedShare"] = j.DroppedShare,
            ["spearman"] = j.Spearman, ["outliers"] = Text(string.Join("、", j.Outliers.Select(c => c.Name))),
        })];

    private static List<Dictionary<string, object?>> PanelRows(JudgeReportView report) =>
        [.. report.Panels.Select(p => new Dictionary<string, object?>
        {
            ["round"] = Text(p.RoundTitle), ["panel"] = Text(p.PanelTitle ?? ""), ["judges"] = p.Judges, ["contestants"] = p.Contestants, ["kendallW"] = p.KendallW,
        })];

    private static readonly Dictionary<string, string> Kinds = new() { ["withdrawn"] = "弃权", ["absent"] = "缺席" };

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rounded scores with the final's number of decimals, as on the printed result sheet: a number, so Excel
    /// sums it (the CSV writes it with those decimals).</summary>
    private static decimal Fixed(decimal value, Scoring.FinalDefinition d) =>
        decimal.Parse(value.ToString("F" + d.Rounding.Decimals, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture); // keeps the scale: 87.50

    /// <summary>
    /// Text typed by an organiser (a name, a unit, an id) is data, never a formula: a cell starting with = + - @, a tab
    /// or a carriage return is what spreadsheet programs run (a contestant named =HYPERLINK(…) would be a live link),
    /// so it gets a leading apostrophe, as OWASP's CSV-injection advice says. Numbers are written as numbers, not
    /// through here, so a negative total is not touched.
    /// </summary>
    internal static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Csv(object cell)
    {
        var value = cell switch
        {
            decimal n => n.ToString(CultureInfo.InvariantCulture),
            int n => n.ToString(CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
