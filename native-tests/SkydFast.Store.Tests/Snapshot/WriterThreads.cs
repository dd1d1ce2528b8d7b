namespace SkydFast.Store.Tests.Snapshot;

/// <summary>
/// Writer threads for the concurrency tests. Each runs its step function with 1, 2, 3, ... until stopped and
/// publishes the step it started and the step it completed, so a test can bound the moment of a cut.
/// </summary>
internal sealed class WriterThreads : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Thread[] _threads;
    private readonly long[] _started;
    private readonly long[] _done;
    private readonly List<Exception> _failures = [];
    private volatile bool _stop;

    public WriterThreads(int count, Action<int, long> step)
    {
        _threads = new Thread[count];
        _started = new long[count];
        _done = new long[count];
        for (var w = 0; w < count; w++)
        {
            var writer = w;
            _threads[w] = new Thread(() => Run(writer, step)) { IsBackground = true };
            _threads[w].Start();
        }
    }

    public int Count => _threads.Length;

    /// <summary>The last step each writer completed.</summary>
    public long[] Done() => [.. _done.Select((_, w) => Volatile.Read(ref _done[w]))];

    /// <summary>The last step each writer started.</summary>
    public long[] Started() => [.. _started.Select((_, w) => Volatile.Read(ref _started[w]))];

    /// <summary>Waits (bounded) until every writer completed a step after the ones in <paramref name="done"/>.</summary>
    public void WaitForProgress(long[] done)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var w = 0; w < _threads.Length; w++)
        {
            while (Volatile.Read(ref _done[w]) <= done[w] + 1)
            {
                ThrowIfFailed();
                Assert.True(DateTime.UtcNow < deadline, $"writer {w} made no progress");
                Thread.Yield();
            }
        }
    }

    /// <summary>Stops the writers, waits for them (bounded), and rethrows what any of them threw.</summary>
    public void Dispose()
    {
        _stop = true;
        foreach (var thread in _threads)
        {
            Assert.True(thread.Join(Patience), "a writer did not stop");
        }

        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        lock (_failures)
        {
            if (_failures.Count != 0)
            {
                throw new AggregateException(_failures);
            }
        }
    }

    private void Run(int writer, Action<int, long> step)
    {
        try
        {
            for (long s = 1; !_stop; s++)
            {
                Volatile.Write(ref _started[writer], s);
                step(writer, s);
                Volatile.Write(ref _done[writer], s);
            }
        }
        catch (Exception e)
        {
            lock (_failures)
            {
                _failures.Add(e);
            }
        }
    }
}
