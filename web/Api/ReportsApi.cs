using Arena.Access;
using Arena.Finals;
using Arena.Scoring;
using Arena.Journal;
using Arena.Web.Auth;
using Arena.Web.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>
/// The printed records: the 公示 result sheet and every judge's sheets for signing, as A4 PDFs in Simplified Chinese
/// (<c>?lang=en</c>: English), each page footed with the journal digest that <c>Arena.Silo verify FILE</c> prints.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var final = app.MapGroup("/api/finals/{id}").RequireAuthorization().WithTags("reports");
        final.MapGet("/result-sheet.pdf", (string id, string? lang, HttpContext http, IJournalStore store, JournalSigner signer, TimeProvider clock) =>
            Pdf(id, lang, http, store, signer, clock, ResultSheetPdf.Render, "result-sheet"));
        final.MapGet("/report/judges", JudgeReport);
        final.MapGet("/judge-sheets.pdf", (string id, string? lang, HttpContext http, IJournalStore store, JournalSigner signer, TimeProvider clock) =>
            Pdf(id, lang, http, store, signer, clock, JudgeSheetsPdf.Render, "judge-sheets"));
        return app;
    }

    /// <summary>
    /// <c>GET …/report/judges[?points=10&amp;sds=2]</c> (admin, auditors, the chief judge): the judge-consistency figures
    /// of the standings now; outliers by the chief page's rule with its thresholds (the same defaults).
    /// </summary>
    private static async Task<Ok<JudgeReportView>> JudgeReport(string id, decimal? points, decimal? sds, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin, AccessRoles.Judge);
        var final = grains.GetGrain<IFinalGrain>(id);
        var defaults = new OutlierThresholds(); // the chief page's defaults, kept in one place
        var report = await final.JudgeReport(new OutlierThresholds(points ?? defaults.Points, sds ?? defaults.Sds), caller);
        var view = await final.Info(caller);
        return TypedResults.Ok(JudgeReportView.From(view.Definition, view.Published, report));
    }

    private static async Task<IResult> Pdf(string id, string? lang, HttpContext http, IJournalStore store, JournalSigner signer, TimeProvider clock,
        Func<ReportData, ReportText, byte[]> render, string name)
    {
        http.User.For(id, AccessRoles.Auditor, AccessRoles.Admin);
        var data = await ReportSource.Read(id, store, signer, clock, http.RequestAborted);
        var text = ReportText.For(lang);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(render(data, text), "application/pdf", $"{id}-{name}{(text.English ? "-en" : "")}.pdf");
    }
}
