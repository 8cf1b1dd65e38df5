using System.Globalization;
using System.Text;
using Arena.Access;
using Arena.Finals;
using Arena.Web.Auth;
using Arena.Web.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Arena.Contestants;
using CsvHelper;
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
            // CsvHelper quotes what needs it (RFC 4180). Its own formula guard stays off: every cell goes in as text
            // here, numbers too, and a negative one would get an apostrophe; Text() guards exactly the organiser's text.
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture }, true))
            {
                foreach (var row in table)
                {
                    foreach (var cell in row) csv.WriteField(Csv(cell));
                    csv.EndRecord();
                }
            }
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
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

    /// <summary>
    /// One line per contestant: rank, total, award, status, then per round its score and each judge's sheet total
    /// (dropped ones marked) followed, in a rubric round, by that sheet's value of every criterion; at the end every
    /// adjustment (round, points, reason) and their sum. A withdrawn contestant has no rank or total and their kept
    /// sheets are marked not counted.
    /// </summary>
    private static async Task<List<object[]>> Table(IFinalGrain final, Caller caller)
    {
        var view = await final.Info(caller);
        var d = view.Definition;
        var result = await final.Result();
        var sheets = (await final.Sheets(caller)).Where(s => s.Total is not null).ToLookup(s => (s.Contestant, s.Round));
        var adjustments = Adjustments(await final.Journal(caller));
        var header = new List<string> { "rank", "contestant", "name", "unit", "total", "award", "status" };
        foreach (var r in d.Rounds)
        {
            header.Add($"{r.Id}");
            foreach (var j in d.Judges)
            {
                header.Add($"{r.Id}/{j.Id}");
                header.AddRange((r.Criteria ?? []).Select(c => $"{r.Id}/{j.Id}/{c.Id}"));
            }
        }
        header.AddRange(["adjustments", "adjustmentPoints"]);
        var table = new List<object[]> { header.Select(Text).ToArray() };
        foreach (var row in result.Rows)
        {
            var c = d.Contestants.First(x => x.Id == row.Contestant);
            // A withdrawn contestant: no rank, no total, status withdrawn (弃权) or absent (缺席); their sheets still listed.
            var line = row.Withdrawn is { } kind
                ? new List<object> { "", Text(c.Id), Text(c.Name), Text(c.Unit ?? ""), "", "", $"{kind} ({Kinds[kind]})" }
                // No rank (blank) before a complete round.
                : [row.Rank == 0 ? "" : row.Rank, Text(c.Id), Text(c.Name), Text(c.Unit ?? ""), Fixed(row.Total, d), Text(row.Award ?? ""),
                    view.Published ? "published" : row.Complete ? "complete" : "provisional"];
            foreach (var r in d.Rounds)
            {
                var detail = row.Detail.First(x => x.Round == r.Id);
                line.Add(detail.Score is { } s ? Fixed(s, d) : "");
                foreach (var j in d.Judges)
                {
                    var sheet = sheets[(c.Id, r.Id)].FirstOrDefault(x => x.Judge == j.Id);
                    var outcome = detail.Sheets.FirstOrDefault(x => x.Judge == j.Id);
                    line.Add(sheet is null ? ""
                        : row.Withdrawn is not null ? Num(sheet.Total!.Value) + " (not counted)"
                        : outcome is { Counted: false } ? Num(sheet.Total!.Value) + " (dropped)"
                        : sheet.Total!.Value);
                    line.AddRange((r.Criteria ?? []).Select(k => sheet?.Criteria?.GetValueOrDefault(k.Id) is { } v ? (object)v : ""));
                }
            }
            var mine = adjustments[c.Id].ToList();
            line.Add(Text(string.Join("; ", mine.Select(a => $"{(a.Round is null ? "total" : a.Round)} {Num(a.Points)} {a.Reason}"))));
            line.Add(mine.Count > 0 ? mine.Sum(a => a.Points) : "");
            table.Add(line.ToArray());
        }
        return table;
    }

    /// <summary>Every adjustment by contestant, in journal order, from the contestants' streams.</summary>
    private static ILookup<string, AdjustmentApplied> Adjustments(IEnumerable<Journal.JournalRecord> journal) =>
        (from e in journal
         where e.Type == nameof(AdjustmentApplied) && Journal.StreamHeads.ContestantOf(e.Stream) is not null
         select (Contestant: Journal.StreamHeads.ContestantOf(e.Stream)!, Event: (AdjustmentApplied)Journal.EventJson.Deserialize(e.Type, e.Data)))
        .ToLookup(x => x.Contestant, x => x.Event);

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

    private static string Csv(object cell) => cell switch
    {
        decimal n => n.ToString(CultureInfo.InvariantCulture), // keeps the scale: 80.00
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
