using System.Threading.Channels;

namespace SkydFast.Engine.Connections;

/// <summary>
/// A few dedicated threads that run the packets holding a blocking action (<c>MKSNAP</c> waits for a whole
/// snapshot to reach the disk), so that no I/O loop or thread-pool thread ever waits for them. Each connection has
/// at most one such packet in flight (it awaits it before reading on), so the queue is bounded by the connection
/// limit; the thread count bounds how many run at once.
/// </summary>
public sealed class BlockingWorkers : IDisposable
{
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="threads"/> workers.</summary>
    public BlockingWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"blocking-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// The default size: at least 4, so that a local and a remote snapshot, each possibly waiting for a BGSAVE to
    /// finish, still leave threads for everything else; else one per core.
    /// </summary>
    public static int DefaultThreads => Math.Max(4, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="work"/> on a worker; the task ends when it did, with its exception if it threw.</summary>
    /// <exception cref="ObjectDisposedException">The workers were stopped.</exception>
    public Task RunAsync(Action work)
    {
        var item = new Work(work);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(item), this);
        return item.Done.Task;
    }

    /// <summary>Lets the queued work finish, then stops the threads.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    item.Action();
                    item.Done.SetResult();
                }
                catch (Exception ex)
                {
                    // The connection that waits for it rethrows and closes; the worker goes on serving the others.
                    item.Done.SetException(ex);
                }
            }
        }
    }

    // The continuation (the connection loop) must not run inline on a worker thread.
    private sealed record Work(Action Action)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
