using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Api;

/// <summary>
/// Turns every failure into RFC 7807 problem details: the rules' refusals with their status, unreadable bodies as
/// 400, anything unexpected as a 500 that says nothing of the server's insides (the log has the details).
/// </summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500) logger.LogError(exception, "Unexpected failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case ArenaProblem p:
                var details = new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Detail };
                if (p.Errors.Count > 0) details.Extensions["errors"] = p.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList();
                if (p.Orphans.Count > 0)
                    details.Extensions["orphans"] = p.Orphans.Select(o => new { contestant = o.Contestant, round = o.Round, judge = o.Judge, what = o.What, why = o.Why }).ToList();
                return details;
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == 413 ? "Request too large" : "Invalid request",
                    Detail = bad.InnerException is JsonException inner ? $"The body is not valid JSON for this call: {inner.Message}" : bad.Message,
                };
            case JsonException json:
                return new ProblemDetails { Status = 400, Title = "Invalid request", Detail = $"The body is not valid JSON for this call: {json.Message}" };
            case TimeoutException:
                return new ProblemDetails { Status = 503, Title = "Busy", Detail = "The server did not answer in time; try again (resubmitting a sheet with the same submissionId is safe)." };
            case SiloUnavailableException or OrleansMessageRejectionException:
                // A node of the cluster died with this grain on it; the grain comes back on a live node once the
                // cluster has declared the node dead (seconds), so this is worth retrying, unlike a 500.
                return new ProblemDetails { Status = 503, Title = "Unavailable", Detail = "A node of the cluster went away; try again in a few seconds (resubmitting a sheet with the same submissionId is safe)." };
            default:
                return new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The server failed on this request; it has been logged." };
        }
    }
}
