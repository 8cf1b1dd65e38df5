using System.Text.Json;
using Arena.LoadTest;

Options o;
try { o = Options.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine($"loadtest: {e.Message}\n{Options.Usage}");
    return 2;
}
if (o.ServeBaseline is { } port)
{
    await BaselineServer.Serve(port);
    return 0;
}

var command = "loadtest " + string.Join(' ', args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
var report = await Runner.Run(o, Console.Out) with { Command = command };
ConsoleReport.Write(report, Console.Out);
if (o.ReportPath is { } path)
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, ReportJson.Options));
    Console.WriteLine($"report: {Path.GetFullPath(path)}");
}
var html = o.HtmlPath ?? (o.ReportPath is { } r ? Path.ChangeExtension(r, ".html") : null);
if (html is not null)
{
    await File.WriteAllTextAsync(html, HtmlReport.Render(report));
    Console.WriteLine($"chart:  {Path.GetFullPath(html)}");
}
// Lost or duplicated sheets fail the run; so does a kill after which some screen never came back or some moved final never took a sheet.
return report.Lost is > 0 || report.Durability is { Duplicates: > 0 } || report.Failover is { ScreensNeverLiveAgain: > 0 } or { MovedFinalsNeverAcked: > 0 } ? 1 : 0;
