using Arena.Web.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Hubs;

/// <summary>
/// Hub errors carry the HTTP status first ("409: …", "503: …"), as the contract says, so clients handle both
/// transports alike: the same mapping as the HTTP API's problem details (<see cref="ProblemHandler.ToProblem"/>).
/// </summary>
internal static class HubProblems
{
    public static async Task<T> Run<T>(ILogger logger, Func<Task<T>> call)
    {
        try { return await call(); }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            var problem = ProblemHandler.ToProblem(e);
            if (problem.Status == 500) logger.LogError(e, "Unexpected failure of a hub call");
            var fields = e is ArenaProblem { Errors.Count: > 0 } p
                ? " (" + string.Join("; ", p.Errors.Select(f => $"{f.Path}: {f.Message}")) + ")"
                : "";
            throw new HubException($"{problem.Status}: {problem.Detail ?? problem.Title}{fields}");
        }
    }
}
