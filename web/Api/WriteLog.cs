using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Arena.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Api;

/// <summary>
/// One structured log line per write, accepted or refused, under the category <see cref="Category"/>: every
/// POST/PUT/PATCH/DELETE of the HTTP API and every hub method marked <see cref="LoggedWriteAttribute"/> (a judge's
/// <c>Submit</c>). It names what was called (the route's template, never its query), the final, who called (role and
/// subject from the token, never the token, never an access code), the answer's status, the refusal's title and, for
/// the rules' own refusals, their detail (texts this code writes, which carry ids but no secrets). Bodies are not logged:
/// the journal has what was accepted. The silo writes this category to the rotating log files only, not to the console.
/// </summary>
public static class WriteLog
{
    public const string Category = "Arena.Writes";

    private const string Template = "{Outcome} {Transport} {Operation} final {Final} by {Role} {Subject}: {Status} {Problem} {Reason} ({ElapsedMs} ms)";

    public static WebApplication UseWriteLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
                || !http.Request.Path.StartsWithSegments("/api") || !logger.IsEnabled(LogLevel.Information))
            {
                await next(http);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                // A refusal went through the exception handler, which cleared the endpoint and route values it ran with.
                var failure = http.Features.Get<IExceptionHandlerFeature>();
                var endpoint = failure?.Endpoint ?? http.GetEndpoint();
                var operation = endpoint is RouteEndpoint route ? $"{http.Request.Method} /{route.RoutePattern.RawText?.Trim('/')}" : $"{http.Request.Method} (no route)";
                // A final just created names itself in Location (/api/finals/{id}).
                var final = (failure?.RouteValues ?? http.Request.RouteValues)["id"] as string
                    ?? (http.Response.StatusCode == 201 && http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location[(location.LastIndexOf('/') + 1)..] : null);
                Write(logger, http.Response.StatusCode, "http", operation, final, http.User.Caller(), failure?.Error, Stopwatch.GetElapsedTime(started));
            }
        });
        return app;
    }

    internal static void Write(ILogger logger, int status, string transport, string operation, string? final, Finals.Caller caller, Exception? error, TimeSpan elapsed)
    {
        var (problem, reason) = error switch
        {
            ArenaProblem p => (p.Title, p.Detail ?? ""),
            null => ("", ""),
            _ => (ProblemHandler.ToProblem(error).Title ?? "", ""),
        };
        logger.LogInformation(Template, status < 400 ? "accepted" : "refused", transport, operation, final ?? "-",
            caller.Role is { Length: > 0 } role ? role : "anonymous", caller.Subject is { Length: > 0 } subject ? subject : "-",
            status, problem, reason, Math.Round(elapsed.TotalMilliseconds, 2));
    }
}

/// <summary>A hub method that changes a final: <see cref="WriteLogHubFilter"/> logs each call of it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LoggedWriteAttribute : Attribute;

/// <summary>The hubs' half of <see cref="WriteLog"/>: the status is the one the hub error carries ("409: …").</summary>
public sealed class WriteLogHubFilter(ILoggerFactory loggers) : IHubFilter
{
    private readonly ILogger _logger = loggers.CreateLogger(WriteLog.Category);
    private static readonly ConcurrentDictionary<MethodInfo, bool> Marked = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!Marked.GetOrAdd(invocation.HubMethod, m => m.IsDefined(typeof(LoggedWriteAttribute))) || !_logger.IsEnabled(LogLevel.Information))
            return await next(invocation);
        var started = Stopwatch.GetTimestamp();
        var user = invocation.Context.User!;
        var operation = $"{invocation.Hub.GetType().Name}.{invocation.HubMethodName}";
        try
        {
            var result = await next(invocation);
            WriteLog.Write(_logger, 200, "hub", operation, user.FindFirst(Tokens.FinalClaim)?.Value, user.Caller(), null, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (HubException e)
        {
            var status = e.Message.Length > 4 && e.Message[3] == ':' && int.TryParse(e.Message.AsSpan(0, 3), out var s) ? s : 500;
            WriteLog.Write(_logger, status, "hub", operation, user.FindFirst(Tokens.FinalClaim)?.Value, user.Caller(),
                new ArenaProblem(status, ReasonPhrases.GetReasonPhrase(status), e.Message[Math.Min(e.Message.Length, 5)..]), Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
