namespace Arena.LoadTest;

/// <summary>
/// Runs actions at Stopwatch times from one dedicated thread, which sleeps until the next is due (timer resolution ≈ 1 ms).
/// Actions only start work (a send, an HTTP call) and return, so one thread keeps thousands of sheets a second on time.
/// </summary>
public sealed class Scheduler : IDisposable
{
    private readonly PriorityQueue<Action, long> _queue = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private readonly AutoResetEvent _wake = new(false);
    private volatile bool _stopped;

    public Scheduler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "loadtest-scheduler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public void At(long when, Action action)
    {
        lock (_gate) _queue.Enqueue(action, when);
        _wake.Set();
    }

    private void Run()
    {
        while (!_stopped)
        {
            Action? due = null;
            long wait;
            lock (_gate)
            {
                if (_queue.TryPeek(out _, out var when))
                {
                    wait = when - Clock.Now;
                    if (wait <= 0) due = _queue.Dequeue();
                }
                else wait = Clock.Ticks(TimeSpan.FromMilliseconds(50));
            }
            if (due is not null)
            {
                try { due(); }
                catch (Exception e) { Console.Error.WriteLine($"loadtest: scheduled action failed: {e}"); }
                continue;
            }
            // Never spin (the server needs the cores): a sheet sent up to ~1 ms late counts that ms in its latency.
            _wake.WaitOne(TimeSpan.FromMilliseconds(Math.Max(1, Clock.Seconds(wait) * 1000)));
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _wake.Set();
        _thread.Join();
        _wake.Dispose();
    }
}
