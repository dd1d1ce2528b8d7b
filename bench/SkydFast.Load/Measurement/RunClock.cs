using System.Diagnostics;

namespace SkydFast.Load.Measurement;

/// <summary>
/// When a phase measures and ends, shared by every worker: batches sent before <see cref="MeasureStart"/> are
/// warm-up; none is sent at or after <see cref="End"/> or past the request budget; whatever is still in flight at
/// <see cref="Abandon"/> is given up, so a server that stops answering cannot hold the run.
/// </summary>
public sealed class RunClock
{
    private readonly long _requestLimit;
    private long _reserved;
    private int _stopped;

    /// <summary>A phase starting now: <paramref name="warmup"/> unmeasured, then measured until
    /// <paramref name="length"/> has passed or <paramref name="requestLimit"/> measured requests were sent; in-flight
    /// batches get <paramref name="drain"/> more.</summary>
    public RunClock(TimeSpan warmup, TimeSpan length, long requestLimit, TimeSpan drain)
    {
        var now = Stopwatch.GetTimestamp();
        MeasureStart = now + Ticks(warmup);
        End = MeasureStart + Ticks(length);
        Abandon = End + Ticks(drain);
        _requestLimit = requestLimit;
    }

    /// <summary>The first measured send, in <see cref="Stopwatch"/> ticks.</summary>
    public long MeasureStart { get; }

    /// <summary>No batch is sent from here on.</summary>
    public long End { get; }

    /// <summary>Batches still in flight here are given up.</summary>
    public long Abandon { get; }

    /// <summary>Whether <see cref="Stop"/> was called.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>Ends the phase early: no more batches are sent (Ctrl+C, or a test).</summary>
    public void Stop() => Volatile.Write(ref _stopped, 1);

    /// <summary>How many of <paramref name="wanted"/> requests may be sent at <paramref name="now"/>: all of them during
    /// warm-up, then what the budget has left, 0 once the phase is over.</summary>
    public int Reserve(int wanted, long now)
    {
        if (now >= End || IsStopped)
        {
            return 0;
        }

        if (now < MeasureStart)
        {
            return wanted;
        }

        var before = Interlocked.Add(ref _reserved, wanted) - wanted;
        return (int)Math.Clamp(_requestLimit - before, 0, wanted);
    }

    private static long Ticks(TimeSpan span) =>
        span >= TimeSpan.FromDays(365) ? long.MaxValue / 4 : (long)(span.TotalSeconds * Stopwatch.Frequency);
}
