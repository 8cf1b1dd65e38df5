using Microsoft.AspNetCore.SignalR;

namespace Arena.Web.Hubs;

/// <summary>Hub errors carry the HTTP status first ("409: …"), as the contract says, so clients handle both transports alike.</summary>
internal static class HubProblems
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (ArenaProblem p)
        {
            var fields = p.Errors.Count == 0 ? "" : " (" + string.Join("; ", p.Errors.Select(e => $"{e.Path}: {e.Message}")) + ")";
            throw new HubException($"{p.Status}: {p.Detail ?? p.Title}{fields}");
        }
        catch (TimeoutException)
        {
            throw new HubException("503: The server did not answer in time; resubmit (the same submissionId is safe).");
        }
    }
}
