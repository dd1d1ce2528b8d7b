using System.Diagnostics;
using System.Numerics;

namespace SkydFast.Load.Measurement;

/// <summary>
/// Round-trip times in <see cref="Stopwatch"/> ticks, log-linear: below 64 ticks one bucket per tick, above that 64
/// buckets per power of two, so a percentile is off by at most 1/64 (1.6 %) of its value. Fixed size, allocation
/// free, one writer; merge the per-thread histograms after the threads have stopped. Used by the load generator and
/// by the benchmarks' snapshot-latency run.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 6;
    private const int SubCount = 1 << SubBits;

    // Indexes up to a value of 2^63 - 1: (63 - SubBits + 1) powers of two above the linear range, plus that range.
    private readonly long[] _counts = new long[(64 - SubBits + 1) * SubCount];

    /// <summary>The number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>The largest recorded value, in ticks.</summary>
    public long Max { get; private set; }

    /// <summary>Records one round trip of <paramref name="ticks"/> (a negative value counts as 0).</summary>
    public void Record(long ticks)
    {
        ticks = Math.Max(ticks, 0);
        _counts[IndexOf(ticks)]++;
        Count++;
        Max = Math.Max(Max, ticks);
    }

    /// <summary>Adds every value of <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at quantile <paramref name="quantile"/> (0.99 for p99), in microseconds: the upper edge of the
    /// bucket holding it, so never below the true value. 0 when empty.
    /// </summary>
    public double PercentileMicroseconds(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return ToMicroseconds(Math.Min(UpperEdge(i), Max));
            }
        }

        return ToMicroseconds(Max);
    }

    /// <summary>Converts <see cref="Stopwatch"/> ticks to microseconds.</summary>
    public static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static int IndexOf(long ticks)
    {
        if (ticks < SubCount)
        {
            return (int)ticks;
        }

        // The top SubBits + 1 bits: the leading 1 picks the power of two, the SubBits after it the sub-bucket.
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)ticks) - SubBits;
        return ((shift + 1) * SubCount) + (int)(ticks >> shift) - SubCount;
    }

    private static long UpperEdge(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var shift = (index / SubCount) - 1;
        var sub = index % SubCount;
        return ((long)(SubCount + sub + 1) << shift) - 1;
    }
}
