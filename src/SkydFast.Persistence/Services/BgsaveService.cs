using Microsoft.Extensions.Logging;

namespace SkydFast.Persistence.Services;

/// <summary>
/// Saves the whole store to <c>data/ks</c> (persistence-and-config.md §6.1): periodically on its own thread, and on
/// demand (the termination save). A failed periodic save poisons the store, so writes are refused while reads go on;
/// the next good one unpoisons it (§6.2). Saves take turns with snapshots through the <see cref="FlushGate"/>.
/// </summary>
public sealed partial class BgsaveService : IDisposable
{
    private readonly FlushGate _gate;
    private readonly ILogger _logger;
    private PeriodicThread? _thread;

    /// <summary>Creates the service saving through <paramref name="gate"/>.</summary>
    public BgsaveService(FlushGate gate, ILogger logger)
    {
        _gate = gate;
        _logger = logger;
    }

    /// <summary>
    /// Starts saving every <paramref name="every"/>: the first run that long after start, each next one that long after
    /// the previous one finished. A dedicated thread, so a slow disk never holds a thread-pool thread.
    /// </summary>
    public void Start(TimeSpan every)
    {
        _thread = new PeriodicThread("bgsave", every, () => RunScheduled());
        _thread.Start();
    }

    /// <summary>How the saves went (scheduled ones and the termination save).</summary>
    public SaveStatistics Statistics { get; } = new();

    /// <summary>One periodic save: poisons the store on failure, unpoisons it on success.</summary>
    public bool RunScheduled()
    {
        var error = Save();
        _gate.Store.IsPoisoned = error is not null;
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
        if (_thread?.Stop() == true)
        {
            LogExited(_logger);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _thread?.Dispose();
    }

    private Exception? Save() => Statistics.Measure(Flush, static error => error is null);

    private Exception? Flush()
    {
        try
        {
            if (!_gate.FlushToLive())
            {
                LogOldTreeKept(_logger);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk, a vanished directory: the store keeps serving; the caller decides.
            return ex;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "BGSAVE completed successfully")]
    private static partial void LogCompleted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "BGSAVE failed with error: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The previous tree could not be removed from data/ks.next; the next save or start removes it")]
    private static partial void LogOldTreeKept(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "BGSAVE service has exited")]
    private static partial void LogExited(ILogger logger);
}
