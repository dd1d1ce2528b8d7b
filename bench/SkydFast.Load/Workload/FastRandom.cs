namespace SkydFast.Load.Workload;

/// <summary>
/// xorshift64* (Vigna): a few instructions per number and no allocation, one per worker thread. Statistical quality
/// is far beyond what choosing keys and operations needs; <see cref="Random"/> with a seed uses the slower legacy
/// algorithm.
/// </summary>
public struct FastRandom
{
    private ulong _state;

    /// <summary>A generator; any seed works (0 is replaced, since xorshift would stay at 0).</summary>
    public FastRandom(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>): the high half of a 64x64-bit product (Lemire),
    /// no division; its bias is below bound / 2^64.</summary>
    public ulong NextBelow(ulong bound) => Math.BigMul(NextUInt64(), bound, out _);

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
