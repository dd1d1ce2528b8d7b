using System.Diagnostics;
using SkydFast.Load.Measurement;

namespace SkydFast.Load.Tests;

/// <summary>The log-linear histogram's percentiles: never below the true value, at most 1/64 above it.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void PercentilesOfAUniformSpreadAreWithinOneBucket()
    {
        var histogram = new LatencyHistogram();
        for (long ticks = 1; ticks <= 100_000; ticks++)
        {
            histogram.Record(ticks);
        }

        foreach (var (quantile, truth) in new[] { (0.5, 50_000L), (0.99, 99_000L), (0.999, 99_900L), (1.0, 100_000L) })
        {
            var measured = histogram.PercentileMicroseconds(quantile);
            var exact = LatencyHistogram.ToMicroseconds(truth);
            Assert.InRange(measured, exact, exact * (1 + (1 / 64.0)));
        }
    }

    [Fact]
    public void SmallValuesAreExact()
    {
        var histogram = new LatencyHistogram();
        foreach (var ticks in new long[] { 3, 3, 7, 10, 63 })
        {
            histogram.Record(ticks);
        }

        Assert.Equal(LatencyHistogram.ToMicroseconds(7), histogram.PercentileMicroseconds(0.5));
        Assert.Equal(LatencyHistogram.ToMicroseconds(63), histogram.PercentileMicroseconds(0.99));
        Assert.Equal(LatencyHistogram.ToMicroseconds(3), histogram.PercentileMicroseconds(0.2));
    }

    [Fact]
    public void ATailShowsInP99AndP999Only()
    {
        // 989 fast batches of 100 us and 11 slow ones of 10 ms: p50 stays fast, p99 (rank 990) is slow.
        var fast = Stopwatch.Frequency / 10_000;
        var slow = Stopwatch.Frequency / 100;
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 989; i++)
        {
            histogram.Record(fast);
        }

        for (var i = 0; i < 11; i++)
        {
            histogram.Record(slow);
        }

        Assert.InRange(histogram.PercentileMicroseconds(0.5), 100, 100 * (1 + (1 / 64.0)));
        Assert.InRange(histogram.PercentileMicroseconds(0.98), 100, 100 * (1 + (1 / 64.0)));
        Assert.InRange(histogram.PercentileMicroseconds(0.99), 10_000, 10_000 * (1 + (1 / 64.0)));
        Assert.InRange(histogram.PercentileMicroseconds(0.999), 10_000, 10_000 * (1 + (1 / 64.0)));
    }

    [Fact]
    public void MergedHistogramsCountEverything()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.Record(100);
        a.Record(200);
        b.Record(5_000_000);
        a.Add(b);
        Assert.Equal(3, a.Count);
        Assert.Equal(5_000_000, a.Max);
        Assert.Equal(LatencyHistogram.ToMicroseconds(5_000_000), a.PercentileMicroseconds(1.0));
    }

    [Fact]
    public void AnEmptyHistogramReportsZero() => Assert.Equal(0, new LatencyHistogram().PercentileMicroseconds(0.99));
}
