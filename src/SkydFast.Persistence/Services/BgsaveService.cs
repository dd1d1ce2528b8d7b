using Microsoft.Extensions.Logging;
using SkydFast.Persistence.Flush;
using SkydFast.Store;

namespace SkydFast.Persistence.Services;

/// <summary>
/// Saves the whole store to <c>data/ks</c> (persistence-and-config.md §6.1): periodically on its own thread, and on
/// demand (the termination save). A failed periodic save poisons the store, so writes are refused while reads go on;
/// the next good one unpoisons it (§6.2). Saves never overlap.
/// </summary>
public sealed partial class BgsaveService : IDisposable
{
    private readonly CoreStore _store;
    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private readonly Lock _saving = new();
    private readonly CancellationTokenSource _stopping = new();
    private Thread? _thread;

    /// <summary>Creates the service for <paramref name="store"/>, saving under <paramref name="dataDirectory"/> (the <c>data</c> folder).</summary>
    public BgsaveService(CoreStore store, string dataDirectory, ILogger logger)
    {
        _store = store;
        _dataDirectory = dataDirectory;
        _logger = logger;
    }

    /// <summary>
    /// Starts saving every <paramref name="every"/>: the first run that long after start, each next one that long after
    /// the previous one finished. A dedicated thread, so a slow disk never holds a thread-pool thread.
    /// </summary>
    public void Start(TimeSpan every)
    {
        _thread = new Thread(() => Loop(every)) { IsBackground = true, Name = "bgsave" };
        _thread.Start();
    }

    /// <summary>One periodic save: poisons the store on failure, unpoisons it on success.</summary>
    public bool RunScheduled()
    {
        var error = Save();
        _store.IsPoisoned = error is not null;
        if (error is null)
        {
            LogCompleted(_logger);
            return true;
        }

        LogFailed(_logger, error.Message);
        return false;
    }

    /// <summary>The termination save: neither poisons nor unpoisons (§6.2). Returns the error, or null on success.</summary>
    public Exception? SaveNow() => Save();

    /// <summary>Stops the periodic saves, letting a save in progress finish.</summary>
    public void Stop()
    {
        if (_thread is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _thread.Join();
        LogExited(_logger);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    private void Loop(TimeSpan every)
    {
        while (!_stopping.Token.WaitHandle.WaitOne(every))
        {
            RunScheduled();
        }
    }

    private Exception? Save()
    {
        lock (_saving)
        {
            try
            {
                Flusher.FlushToLive(_store, _dataDirectory);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full or read-only disk, a vanished directory: the store keeps serving; the caller decides.
                return ex;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "BGSAVE completed successfully")]
    private static partial void LogCompleted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "BGSAVE failed with error: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "BGSAVE service has exited")]
    private static partial void LogExited(ILogger logger);
}
