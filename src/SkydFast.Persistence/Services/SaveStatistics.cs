using System.Diagnostics;

namespace SkydFast.Persistence.Services;

/// <summary>How one kind of save went so far (the metrics): runs by outcome and the time they took. Saves are
/// seconds apart, so a lock is cheap here.</summary>
public sealed class SaveStatistics
{
    private readonly Lock _lock = new();
    private long _succeeded;
    private long _failed;
    private TimeSpan _total;
    private TimeSpan _last;

    /// <summary>Runs that completed.</summary>
    public long Succeeded
    {
        get
        {
            lock (_lock)
            {
                return _succeeded;
            }
        }
    }

    /// <summary>Runs that failed.</summary>
    public long Failed
    {
        get
        {
            lock (_lock)
            {
                return _failed;
            }
        }
    }

    /// <summary>The time all runs took together.</summary>
    public TimeSpan Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>The time the latest run took.</summary>
    public TimeSpan Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>Times <paramref name="save"/> and records its outcome (true when it succeeded).</summary>
    internal T Measure<T>(Func<T> save, Func<T, bool> succeeded)
    {
        var clock = Stopwatch.StartNew();
        var result = save();
        Record(succeeded(result), clock.Elapsed);
        return result;
    }

    private void Record(bool ok, TimeSpan duration)
    {
        lock (_lock)
        {
            if (ok)
            {
                _succeeded++;
            }
            else
            {
                _failed++;
            }

            _total += duration;
            _last = duration;
        }
    }
}
