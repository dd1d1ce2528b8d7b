namespace SkydFast.Load.Workload;

/// <summary>What one connection asks for next: a batch of (operation, key) pairs.</summary>
public abstract class RequestSource
{
    /// <summary>Fills up to <paramref name="operations"/>.Length requests; returns how many, 0 when it has no more.</summary>
    public abstract int NextBatch(Span<Operation> operations, Span<long> keys);
}

/// <summary>Random requests: operations by <see cref="OperationMix"/>, keys uniform or Zipf over the key space.
/// Never runs out; the run's clock and request budget end it.</summary>
public sealed class MixSource : RequestSource
{
    private readonly OperationMix _mix;
    private readonly long _keys;
    private readonly ZipfSampler? _zipf;
    private FastRandom _random;

    /// <summary>Draws from <paramref name="mix"/> and, with <paramref name="zipf"/>, Zipf-distributed keys (rank 1
    /// is key 0, the hottest), else uniform keys below <paramref name="keys"/>.</summary>
    public MixSource(OperationMix mix, long keys, ZipfSampler? zipf, ulong seed)
    {
        _mix = mix;
        _keys = keys;
        _zipf = zipf;
        _random = new FastRandom(seed);
    }

    /// <inheritdoc/>
    public override int NextBatch(Span<Operation> operations, Span<long> keys)
    {
        for (var i = 0; i < operations.Length; i++)
        {
            operations[i] = _mix.Next(ref _random);
            keys[i] = _zipf is { } zipf ? zipf.Next(ref _random) - 1 : (long)_random.NextBelow((ulong)_keys);
        }

        return operations.Length;
    }
}

/// <summary>The prefill of one connection: <see cref="Operation.Prefill"/> of every key in [start, end), in order.</summary>
public sealed class PrefillSource : RequestSource
{
    private readonly long _end;
    private long _next;

    /// <summary>Stores keys <paramref name="start"/> to <paramref name="end"/> - 1.</summary>
    public PrefillSource(long start, long end)
    {
        _next = start;
        _end = end;
    }

    /// <inheritdoc/>
    public override int NextBatch(Span<Operation> operations, Span<long> keys)
    {
        var count = (int)Math.Min(operations.Length, _end - _next);
        for (var i = 0; i < count; i++)
        {
            operations[i] = Operation.Prefill;
            keys[i] = _next++;
        }

        return count;
    }
}
