using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Arena.Web.Pages;

/// <summary>
/// The pages (judge, screen, chief, operator, admin, review) and their assets. They are plain files copied next to
/// the executable (web/wwwroot → bin/…/wwwroot), so they are found the same way under <c>dotnet run</c>, a published
/// folder and the tests' silo process, whatever the content root is.
/// </summary>
public static class ArenaPages
{
    public static readonly IReadOnlyList<string> Names = ["judge", "screen", "chief", "operator", "admin", "review"];

    public static string Root => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static WebApplication UseArenaAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Root),
            // Revalidate every time (cheap with ETags): a venue must never run yesterday's judge page after an update.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    public static IEndpointRouteBuilder MapArenaPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Page(http, "index")).ExcludeFromDescription();
        foreach (var name in Names) app.MapGet("/" + name, (HttpContext http) => Page(http, name)).ExcludeFromDescription();
        // Access links are /{role}?final=…&code=…: an auditor's link opens the review page.
        app.MapGet("/auditor", (HttpContext http) => Page(http, "review")).ExcludeFromDescription();
        // A supervisor (监督) reads what an auditor reads, on the same page, and answers the sign-offs there.
        app.MapGet("/supervisor", (HttpContext http) => Page(http, "review")).ExcludeFromDescription();
        // The public live view of a final the admin made public: no sign-in (the page says so when it is not public).
        app.MapGet("/live/{id}", (HttpContext http) => Page(http, "public")).ExcludeFromDescription();
        // A broadcast overlay (OBS, vMix): a big screen's code, a transparent page (the only one that may be framed).
        app.MapGet("/overlay/{id}", (HttpContext http) => Page(http, "overlay")).ExcludeFromDescription();
        // The audience's ballot (大众评审): no sign-in, a ticket code from the printed sheet or once per device.
        app.MapGet("/vote/{id}", (HttpContext http) => Page(http, "vote")).ExcludeFromDescription();
        // The admin's printable sheet of ticket codes (A4, QR codes), read with the admin's token of the admin page.
        app.MapGet("/tickets/{id}", (HttpContext http) => Page(http, "tickets")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext http, string name)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(Path.Combine(Root, name + ".html"), "text/html; charset=utf-8");
    }
}
