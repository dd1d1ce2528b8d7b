namespace SkydFast.Load.Workload;

/// <summary>
/// Ranks 1..N with P(k) proportional to k^-s, by rejection-inversion (Hörmann and Derflinger, "Rejection-inversion
/// to generate variates from monotone discrete distributions", 1996): O(1) setup and O(1) expected time per sample
/// for any N and any exponent s &gt;= 0, where a table of the CDF would cost 8 bytes per key and the YCSB formula
/// (Gray et al.) needs an O(N) zeta sum and s != 1. Immutable: one sampler serves every thread.
/// </summary>
/// <remarks>
/// Each rank k owns the interval [H(k + 1/2) - h(k), H(k + 1/2)] of width h(k) = k^-s, where H is an
/// antiderivative of h; a uniform u over the union maps back through H's inverse to a candidate k, which is
/// accepted when u lies in k's interval. The candidates' hat covers those intervals so tightly that most draws are
/// accepted at the first try (the <see cref="_squeeze"/> test alone accepts most of them without evaluating H).
/// </remarks>
public sealed class ZipfSampler
{
    private readonly long _n;
    private readonly double _exponent;
    private readonly double _lowest;
    private readonly double _highest;
    private readonly double _squeeze;

    /// <summary>A sampler of ranks 1..<paramref name="n"/> with exponent (skew) <paramref name="exponent"/>;
    /// 0 is uniform, about 1 is the classic Zipf law (YCSB uses 0.99), larger is more skewed.</summary>
    public ZipfSampler(long n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(exponent >= 0) || double.IsInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "the exponent must be a finite number >= 0");
        }

        _n = n;
        _exponent = exponent;
        _lowest = H(1.5) - 1;
        _highest = H(n + 0.5);
        _squeeze = 2 - HInverse(H(2.5) - Math.Pow(2, -exponent));
    }

    /// <summary>The number of ranks.</summary>
    public long Count => _n;

    /// <summary>A rank in 1..<see cref="Count"/>.</summary>
    public long Next(ref FastRandom random)
    {
        while (true)
        {
            var u = _highest + (random.NextDouble() * (_lowest - _highest));
            var x = HInverse(u);
            var k = Math.Clamp((long)(x + 0.5), 1, _n);
            if (k - x <= _squeeze || u >= H(k + 0.5) - Math.Pow(k, -_exponent))
            {
                return k;
            }
        }
    }

    // H(x) = (x^(1-s) - 1) / (1 - s), or log x when s = 1, written so that it is exact on both sides of s = 1.
    private double H(double x)
    {
        var log = Math.Log(x);
        return ExpM1OverX((1 - _exponent) * log) * log;
    }

    private double HInverse(double u)
    {
        var t = u * (1 - _exponent);
        return Math.Exp(Log1POverX(t) * u);
    }

    // log(1 + x) / x and (e^x - 1) / x, both 1 at x = 0; the series near 0 avoids 0/0 and cancellation.
    private static double Log1POverX(double x) =>
        Math.Abs(x) > 1e-8 ? double.LogP1(x) / x : 1 - (x * (0.5 - (x / 3)));

    private static double ExpM1OverX(double x) =>
        Math.Abs(x) > 1e-8 ? double.ExpM1(x) / x : 1 + (x * (0.5 + (x / 6)));
}
