using Arena.Web.Api;
using Microsoft.Extensions.Logging.Console;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace Arena.Silo.Telemetry;

/// <summary>
/// Log files in the data folder by default (<c>Arena:LogDir</c>, default <c>&lt;DataDir&gt;/logs</c>; <c>Arena:LogFiles=false</c>
/// for none): one JSON object per line (Serilog's compact format, <c>jq</c>-readable), a new file each day and at
/// <c>Arena:LogFileMegabytes</c> (default 50), the newest <c>Arena:LogFilesKept</c> (default 31) kept. They get what the
/// console gets, at the same levels, plus <see cref="WriteLog"/>'s line per write, which stays off the console (hundreds
/// a second at a busy final). Writing happens on a background thread of the sink: a request never waits for the disk.
/// </summary>
public static class ArenaLogFiles
{
    public static WebApplicationBuilder AddArenaLogFiles(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter<ConsoleLoggerProvider>(WriteLog.Category, LogLevel.None);
        var configuration = builder.Configuration;
        if (!configuration.GetValue("Arena:LogFiles", true)) return builder;
        var folder = configuration["Arena:LogDir"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(DataFolder.Of(configuration), "logs");
        var files = new LoggerConfiguration()
            .MinimumLevel.Verbose() // the levels are Logging:LogLevel's, applied before an entry reaches Serilog
            .WriteTo.Async(a => a.File(new CompactJsonFormatter(), Path.Combine(folder, "arena-.log"),
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: configuration.GetValue("Arena:LogFileMegabytes", 50L) * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: configuration.GetValue("Arena:LogFilesKept", 31)))
            .CreateLogger();
        // The provider itself, not AddSerilog(): that adds a rule sending every category at Trace to Serilog, over
        // Logging:LogLevel, and Orleans' trace lines name access codes.
        builder.Logging.AddProvider(new SerilogLoggerProvider(files, dispose: true));
        // The writes are the files' record of the day: a console quietened with Logging:LogLevel:Default keeps them.
        builder.Logging.AddFilter<SerilogLoggerProvider>(WriteLog.Category, LogLevel.Information);
        return builder;
    }
}
