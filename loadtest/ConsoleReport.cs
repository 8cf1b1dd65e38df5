namespace Arena.LoadTest;

/// <summary>The readable table at the end of a run.</summary>
public static class ConsoleReport
{
    public static void Write(RunReport r, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"== {r.Scenario}  (load average at start: {r.LoadAverage})");
        var runs = r.Baseline is null ? new[] { r } : [r, r.Baseline];
        w.WriteLine($"{"",-26}" + string.Concat(runs.Select(x => $"{x.Target,22}")));
        Line(w, r.LastScreenLatencyMs is null ? "sheets/s (acked)" : "updates/s (acked)", runs, x => $"{x.SheetsPerSecond:0.0}");
        Line(w, "sent / acked", runs, x => $"{x.Sent} / {x.Acked}");
        Line(w, "ack ms p50/p90/p99", runs, x => P3(x.AckLatencyMs));
        Line(w, "ack ms p99.9/max", runs, x => $"{x.AckLatencyMs.P999:0.0} / {x.AckLatencyMs.Max:0.0}");
        Line(w, "screen ms p50/p90/p99", runs, x => P3(x.ScreenLatencyMs));
        Line(w, "screen ms p99.9/max", runs, x => $"{x.ScreenLatencyMs.P999:0.0} / {x.ScreenLatencyMs.Max:0.0}");
        if (r.LastScreenLatencyMs is not null) Line(w, "last screen ms p50/p99", runs, x => x.LastScreenLatencyMs is { } l ? $"{l.P50:0.0} / {l.P99:0.0}" : "-");
        Line(w, "screen samples", runs, x => $"{x.ScreenSamples}/{x.ScreenSamplesExpected}");
        Line(w, "stage call ms p50/p99", runs, x => $"{x.StageLatencyMs.P50:0.0} / {x.StageLatencyMs.P99:0.0}");
        Line(w, "sent late ms p99", runs, x => $"{x.GeneratorSendLagMs.P99:0.0}");
        Line(w, "connected judges/screens", runs, x => $"{x.ConnectedJudges} / {x.ConnectedScreens}");
        Line(w, "server CPU % / RSS MB", runs, x => x.Server is { } s ? $"{s.CpuPercent:0} / {s.RssMb:0}" : "-");
        if (r.ServerKbPerConnection is not null) Line(w, "server KB / connection", runs, x => $"{x.ServerKbPerConnection:0.0}");
        Line(w, "generator CPU % / gen0", runs, x => x.Generator is { } g ? $"{g.CpuPercent:0} / {g.Gen0}" : "-");
        Line(w, "machine CPU % (others)", runs, x => x.MachineCpuPercent is { } m ? $"{m:0} ({x.OthersCpuPercent:0})" : "-");
        Line(w, "update bytes (avg)", runs, x => $"{x.UpdateBytesAvg}");
        Line(w, "errors", runs, x => x.Errors.Count == 0 ? "0" : string.Join(",", x.Errors.Select(e => $"{e.Key}={e.Value}")));
        if (r.FinalsExhausted > 0) Line(w, "finals out of contestants", runs, x => $"{x.FinalsExhausted}");
        w.WriteLine($"{"lost (acked, not in journal)",-26}{r.Lost?.ToString() ?? "not checked",22}");
        w.WriteLine($"{"durability",-26}" + (r.Durability is { } d
            ? $"{(d.Restarted ? "after SIGKILL + restart on the same data" : "read from the running server (not restarted)")}: missing {d.Missing}, duplicates {d.Duplicates}"
            : "not checked"));
        if (r.Nodes is { } nodes)
        {
            w.WriteLine($"{"storage",-26}{r.Storage} ({(r.PostgresCpuPercent is { } pg ? $"its CPU {pg:0} %, not in others" : "its CPU counts as others'")})");
            foreach (var n in nodes)
                w.WriteLine($"{"node " + n.Name,-26}{n.Url}  CPU {n.Process?.CpuPercent.ToString("0") ?? "-"} % / RSS {n.Process?.RssMb.ToString("0") ?? "-"} MB" +
                            (n.FinalsHosted is { } h ? $", {h} final grains before the kill" : "") + (n.Killed ? "  (killed)" : ""));
        }
        if (r.Failover is { } f)
        {
            static string Ms(double? ms) => ms is { } x ? $"{x:0} ms" : "never";
            w.WriteLine($"-- failover: SIGKILL of node {f.KilledNode} {f.KilledAtSeconds:0.0} s into the window ({f.Choice})");
            w.WriteLine($"{"on the killed node",-26}{f.FinalsOnKilledNode} of {f.FinalsPlaced} final grains, {f.JudgesOnKilledNode} judges' and {f.ScreensOnKilledNode} screens' connections");
            w.WriteLine($"{"first ack after the kill",-26}{Ms(f.FirstAckAfterKillMs)} (any final), {Ms(f.FirstAckMovedFinalMs)} (a final that moved)");
            w.WriteLine($"{"every moved final acking",-26}{Ms(f.AllMovedFinalsAckingMs)}" + (f.MovedFinalsNeverAcked > 0 ? $" ({f.MovedFinalsNeverAcked} never)" : ""));
            w.WriteLine($"{"every screen live again",-26}{Ms(f.ScreensLiveAgainMs)} (median screen {Ms(f.ScreensLiveAgainP50Ms)}; reconnected ones {Ms(f.ReconnectedScreensLiveAgainMs)}, " +
                        $"ones on the survivor watching a moved final {Ms(f.StayedScreensOfMovedFinalsLiveAgainMs)})" + (f.ScreensNeverLiveAgain > 0 ? $"; {f.ScreensNeverLiveAgain} NEVER" : ""));
            w.WriteLine($"{"reconnects / resubmits",-26}{f.Reconnects} / {f.Resubmits}");
            foreach (var (label, p) in new[] { ("before the kill", f.Before), ("after the kill", f.After) })
                w.WriteLine($"{label,-26}{p.SheetsPerSecond:0.0} sheets/s over {p.Seconds:0.0} s; ack ms p50/p99/max {p.AckLatencyMs.P50:0.0} / {p.AckLatencyMs.P99:0.0} / {p.AckLatencyMs.Max:0}; " +
                            $"screen ms p50/p99/max {p.ScreenLatencyMs.P50:0.0} / {p.ScreenLatencyMs.P99:0.0} / {p.ScreenLatencyMs.Max:0}");
            w.WriteLine($"{"errors after the kill",-26}{(f.ErrorsAfterKill.Count == 0 ? "0" : string.Join(",", f.ErrorsAfterKill.Select(e => $"{e.Key}={e.Value}")))}");
        }
        if (r.VsBaseline is { } v)
            w.WriteLine($"arena / baseline: throughput {v.SheetsPerSecond:0.00}x, ack p50 {v.AckP50:0.0}x, ack p99 {v.AckP99:0.0}x, screen p50 {v.ScreenP50:0.0}x, screen p99 {v.ScreenP99:0.0}x");
    }

    private static string P3(Percentiles p) => $"{p.P50:0.0} / {p.P90:0.0} / {p.P99:0.0}";

    private static void Line(TextWriter w, string label, IEnumerable<RunReport> runs, Func<RunReport, string> value) =>
        w.WriteLine($"{label,-26}" + string.Concat(runs.Select(x => $"{value(x),22}")));
}
