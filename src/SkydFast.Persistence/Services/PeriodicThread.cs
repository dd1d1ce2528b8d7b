namespace SkydFast.Persistence.Services;

/// <summary>
/// A dedicated thread that runs one job every <c>interval</c>, measured from the end of the previous run (the first
/// run one interval after <see cref="Start"/>), until stopped. BGSAVE and scheduled snapshots run on these, so a slow
/// disk never holds a thread-pool thread.
/// </summary>
internal sealed class PeriodicThread : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;

    public PeriodicThread(string name, TimeSpan interval, Action job)
    {
        _thread = new Thread(() =>
        {
            while (!_stopping.Token.WaitHandle.WaitOne(interval))
            {
                job();
            }
        })
        { IsBackground = true, Name = name };
    }

    public void Start() => _thread.Start();

    /// <summary>Stops the runs, letting one in progress finish.</summary>
    /// <returns>True the first time, when the thread ran and has now exited.</returns>
    public bool Stop()
    {
        if (_stopping.IsCancellationRequested || !_thread.IsAlive)
        {
            return false;
        }

        _stopping.Cancel();
        _thread.Join();
        return true;
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }
}
