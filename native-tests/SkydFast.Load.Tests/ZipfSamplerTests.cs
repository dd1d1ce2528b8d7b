using SkydFast.Load.Workload;

namespace SkydFast.Load.Tests;

/// <summary>The Zipf sampler draws each rank with probability k^-s / H(N, s).</summary>
public sealed class ZipfSamplerTests
{
    // Chi-square critical value for 49 degrees of freedom at p = 0.001: a correct sampler exceeds it once in a
    // thousand seeds; the seed is fixed, so the test is deterministic.
    private const double ChiSquareCritical49 = 85.35;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void FrequenciesMatchTheZipfLaw(double exponent)
    {
        const int n = 50;
        const int samples = 400_000;
        var sampler = new ZipfSampler(n, exponent);
        var random = new FastRandom(12345);
        var counts = new long[n + 1];
        for (var i = 0; i < samples; i++)
        {
            counts[sampler.Next(ref random)]++;
        }

        var norm = Enumerable.Range(1, n).Sum(k => Math.Pow(k, -exponent));
        var chiSquare = 0.0;
        var pooledExpected = 0.0;
        long pooledObserved = 0;
        for (var k = 1; k <= n; k++)
        {
            var expected = samples * Math.Pow(k, -exponent) / norm;

            // Ranks too rare for the chi-square approximation (expected < 5) are pooled into one cell.
            if (expected < 5)
            {
                pooledExpected += expected;
                pooledObserved += counts[k];
                continue;
            }

            chiSquare += Math.Pow(counts[k] - expected, 2) / expected;
        }

        if (pooledExpected > 0)
        {
            chiSquare += Math.Pow(pooledObserved - pooledExpected, 2) / pooledExpected;
        }

        Assert.Equal(0, counts[0]);
        Assert.True(chiSquare < ChiSquareCritical49, $"chi-square {chiSquare:F1} for s = {exponent}");
    }

    [Fact]
    public void TheHottestRankOfTheClassicLawHasItsShare()
    {
        // s = 1 over 1000 ranks: rank 1 has 1 / H(1000) = 13.4 % of the draws, rank 2 half of that.
        var sampler = new ZipfSampler(1000, 1.0);
        var random = new FastRandom(7);
        long first = 0, second = 0;
        const int samples = 200_000;
        for (var i = 0; i < samples; i++)
        {
            var k = sampler.Next(ref random);
            first += k == 1 ? 1 : 0;
            second += k == 2 ? 1 : 0;
        }

        Assert.InRange(first / (double)samples, 0.130, 0.138);
        Assert.InRange(second / (double)first, 0.47, 0.53);
    }

    [Theory]
    [InlineData(1L, 0.99)]
    [InlineData(2L, 5.0)]
    [InlineData(1_000_000_000_000L, 0.99)]
    [InlineData(1_000_000_000_000L, 1.0)]
    public void RanksStayWithinOneToN(long n, double exponent)
    {
        var sampler = new ZipfSampler(n, exponent);
        var random = new FastRandom(3);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(sampler.Next(ref random), 1, n);
        }
    }

    [Theory]
    [InlineData(0L, 1.0)]
    [InlineData(10L, -0.5)]
    [InlineData(10L, double.NaN)]
    [InlineData(10L, double.PositiveInfinity)]
    public void RejectsAnEmptyRangeOrABadExponent(long n, double exponent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfSampler(n, exponent));
}
