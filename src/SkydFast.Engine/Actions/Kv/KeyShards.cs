using System.Buffers;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// The shard indexes of every key of a request, ready for <see cref="ShardedMap{TValue}.LockShards"/>: how an
/// action reads or writes all its keys as one step (DECISIONS.md 15). On the stack for up to
/// <see cref="StackLimit"/> keys, pooled beyond.
/// </summary>
internal ref struct KeyShards
{
    /// <summary>Keys whose shard indexes fit in the caller's stack buffer (128 bytes).</summary>
    public const int StackLimit = 32;

    private int[]? _rented;

    /// <summary>
    /// Computes the shard of every <paramref name="stride"/>-th argument (1: every argument is a key; 2: pairs).
    /// <paramref name="stack"/> is used when it is large enough.
    /// </summary>
    public KeyShards(Span<int> stack, ShardedMap<byte[]> map, QueryArgs args, int stride)
    {
        var count = (args.Count + stride - 1) / stride;
        Span<int> indexes;
        if (count <= stack.Length)
        {
            _rented = null;
            indexes = stack[..count];
        }
        else
        {
            _rented = ArrayPool<int>.Shared.Rent(count);
            indexes = _rented.AsSpan(0, count);
        }

        for (var i = 0; i < count; i++)
        {
            indexes[i] = map.ShardOf(args[i * stride]);
        }

        Indexes = indexes;
    }

    /// <summary>The indexes; <see cref="ShardedMap{TValue}.LockShards"/> sorts and de-duplicates them in place.</summary>
    public Span<int> Indexes { get; }

    /// <summary>Returns a pooled array.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<int>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
