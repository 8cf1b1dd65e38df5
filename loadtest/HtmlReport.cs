using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Arena.LoadTest;

/// <summary>A self-contained page: the summary table and an SVG chart of p50/p99 latency and sheets per second over the window.</summary>
public static class HtmlReport
{
    public static string Render(RunReport r)
    {
        var h = new StringBuilder();
        h.Append("<!doctype html><meta charset=utf-8><title>Arena load test</title><style>body{font:14px system-ui,sans-serif;margin:2em}" +
                 "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style>");
        h.Append($"<h1>Arena load test</h1><p>{E(r.Scenario)} — {r.StartedAt:u}, load average {E(r.LoadAverage)}<br><code>{E(r.Command)}</code></p>");
        var runs = r.Baseline is null ? new[] { r } : [r, r.Baseline];
        h.Append("<table><tr><th></th>").Append(string.Concat(runs.Select(x => $"<th>{E(x.Target)}</th>"))).Append("</tr>");
        Row(h, "sheets/s", runs, x => x.SheetsPerSecond.ToString(CultureInfo.InvariantCulture));
        Row(h, "ack ms p50 / p90 / p99 / p99.9 / max", runs, x => P(x.AckLatencyMs));
        Row(h, "screen ms p50 / p90 / p99 / p99.9 / max", runs, x => P(x.ScreenLatencyMs));
        Row(h, "errors", runs, x => x.Errors.Count == 0 ? "0" : string.Join(", ", x.Errors.Select(e => $"{e.Key}={e.Value}")));
        Row(h, "server CPU % / RSS MB", runs, x => x.Server is { } s ? $"{s.CpuPercent} / {s.RssMb}" : "-");
        Row(h, "lost", runs, x => x.Lost?.ToString() ?? "-");
        Row(h, "durability: restarted / missing / duplicates", runs, x => x.Durability is { } d ? $"{d.Restarted} / {d.Missing} / {d.Duplicates}" : "-");
        h.Append("</table>");
        if (r.Failover is { } f)
            h.Append($"<h2>Failover</h2><p>SIGKILL of node {E(f.KilledNode)} at {f.KilledAtSeconds} s ({E(f.Choice)}); every screen live again after " +
                     $"{E(f.ScreensLiveAgainMs?.ToString(CultureInfo.InvariantCulture) ?? "never")} ms; first acknowledged sheet of a moved final after " +
                     $"{E(f.FirstAckMovedFinalMs?.ToString(CultureInfo.InvariantCulture) ?? "never")} ms; before / after: {f.Before.SheetsPerSecond} / {f.After.SheetsPerSecond} sheets/s, " +
                     $"ack p99 {f.Before.AckLatencyMs.P99} / {f.After.AckLatencyMs.P99} ms.</p>");
        foreach (var run in runs.Where(x => x.Timeline.Count > 0)) h.Append($"<h2>{E(run.Target)}: latency over the window</h2>").Append(Chart(run.Timeline));
        h.Append("<h2>Report</h2><pre>").Append(E(JsonSerializer.Serialize(r with { Timeline = [] }, ReportJson.Options))).Append("</pre>");
        return h.ToString();
    }

    private static string Chart(IReadOnlyList<SecondPoint> points)
    {
        const int W = 900, H = 300, L = 50, B = 30;
        var maxMs = Math.Max(1, points.Max(p => Math.Max(p.AckP99, p.ScreenP99)));
        var maxS = Math.Max(1, points.Max(p => p.Second));
        string X(int s) => (L + (double)s / maxS * (W - L - 10)).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double ms) => (H - B - ms / maxMs * (H - B - 10)).ToString("0.#", CultureInfo.InvariantCulture);
        string Line(Func<SecondPoint, double> v, string color, string dash = "") =>
            $"<polyline fill=none stroke={color} stroke-width=1.5 {dash} points=\"{string.Join(' ', points.Select(p => $"{X(p.Second)},{Y(v(p))}"))}\"/>";
        var svg = new StringBuilder($"<svg width={W} height={H} style=\"border:1px solid #ddd\">");
        svg.Append($"<text x=4 y=14 font-size=11>{maxMs.ToString("0.#", CultureInfo.InvariantCulture)} ms</text><text x=4 y={H - B} font-size=11>0</text>");
        svg.Append($"<text x={W - 60} y={H - 8} font-size=11>{maxS} s</text>");
        svg.Append(Line(p => p.AckP50, "#1f77b4", "stroke-dasharray=4")).Append(Line(p => p.AckP99, "#1f77b4"));
        svg.Append(Line(p => p.ScreenP50, "#d62728", "stroke-dasharray=4")).Append(Line(p => p.ScreenP99, "#d62728"));
        svg.Append("<text x=60 y=20 font-size=12 fill=#1f77b4>ack p99 (dashed: p50)</text><text x=260 y=20 font-size=12 fill=#d62728>screen p99 (dashed: p50)</text></svg>");
        return svg.ToString();
    }

    private static void Row(StringBuilder h, string label, IEnumerable<RunReport> runs, Func<RunReport, string> v) =>
        h.Append($"<tr><td>{E(label)}</td>").Append(string.Concat(runs.Select(x => $"<td>{E(v(x))}</td>"))).Append("</tr>");

    private static string P(Percentiles p) => $"{p.P50} / {p.P90} / {p.P99} / {p.P999} / {p.Max}";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
