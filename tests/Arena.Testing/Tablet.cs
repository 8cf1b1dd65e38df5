using System.Diagnostics;
using System.Net;

namespace Arena.Testing;

/// <summary>
/// A judge's tablet on flaky venue Wi-Fi: sends a sheet and, until the server acknowledges it, sends it again with the
/// same submissionId after a growing pause (0.1 s doubling to 1 s), for at most a given patience. A refusal (4xx) is
/// an answer, not a failure, and is not retried.
/// </summary>
public sealed class Tablet(ArenaClient judge, string finalId)
{
    public async Task<Submission> Submit(string submissionId, string contestant, decimal score, TimeSpan patience, string round = "main")
    {
        var started = Stopwatch.GetTimestamp();
        var failures = new List<string>();
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                var reply = await judge.Post($"api/finals/{finalId}/scores", new { submissionId, contestant, round, score });
                if ((int)reply.Status < 500) return new Submission(submissionId, contestant, score, reply, started, sent, Stopwatch.GetTimestamp(), failures);
                failures.Add(reply.ToString());
            }
            catch (HttpRequestException e) { failures.Add(e.Message); }
            catch (TaskCanceledException) { failures.Add("no answer in time"); }
            if (Stopwatch.GetElapsedTime(started) + pause > patience)
                return new Submission(submissionId, contestant, score, null, started, sent, Stopwatch.GetTimestamp(), failures);
            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }
}

/// <summary>One sheet as the tablet saw it: the last reply (null when it gave up), when the first and the last attempt
/// were sent and the last answered (<see cref="Stopwatch"/> timestamps), and the failed attempts before it.</summary>
public sealed record Submission(
    string SubmissionId, string Contestant, decimal Score, Reply? Reply, long FirstSent, long LastSent, long Answered, IReadOnlyList<string> Failures)
{
    public bool Acknowledged => Reply?.Status == HttpStatusCode.OK;
}
