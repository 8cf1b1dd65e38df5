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
        if (r.VsBaseline is { } v)
            w.WriteLine($"arena / baseline: throughput {v.SheetsPerSecond:0.00}x, ack p50 {v.AckP50:0.0}x, ack p99 {v.AckP99:0.0}x, screen p50 {v.ScreenP50:0.0}x, screen p99 {v.ScreenP99:0.0}x");
    }

    private static string P3(Percentiles p) => $"{p.P50:0.0} / {p.P90:0.0} / {p.P99:0.0}";

    private static void Line(TextWriter w, string label, IEnumerable<RunReport> runs, Func<RunReport, string> value) =>
        w.WriteLine($"{label,-26}" + string.Concat(runs.Select(x => $"{value(x),22}")));
}
