using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace SkydFast.Store;

/// <summary>
/// Operations on shards the caller has locked: how a multi-key action (SSET, SUPDATE, SDEL, DECISIONS.md 15)
/// or a read-modify-write of a list stays atomic. Shards are always locked in ascending order, so two callers
/// locking overlapping sets cannot deadlock.
/// </summary>
public sealed partial class ShardedMap<TValue>
{
    /// <summary>Locks the shard of <paramref name="key"/> until the guard is disposed.</summary>
    public ShardGuard LockShardOf(ReadOnlySpan<byte> key)
    {
        var index = ShardOf(key);
        _shards[index].Sync.Enter();
        return new ShardGuard(this, index, default);
    }

    /// <summary>
    /// Locks every shard named in <paramref name="shardIndexes"/> (from <see cref="ShardOf"/>), in ascending
    /// order, until the guard is disposed. The span is sorted and de-duplicated in place and must outlive the guard.
    /// </summary>
    public ShardGuard LockShards(Span<int> shardIndexes)
    {
        shardIndexes.Sort();
        var distinct = 0;
        for (var i = 0; i < shardIndexes.Length; i++)
        {
            if (i == 0 || shardIndexes[i] != shardIndexes[distinct - 1])
            {
                shardIndexes[distinct++] = shardIndexes[i];
            }
        }

        var held = shardIndexes[..distinct];
        foreach (var index in held)
        {
            _shards[index].Sync.Enter();
        }

        return new ShardGuard(this, -1, held);
    }

    /// <summary>Looks <paramref name="key"/> up in a shard the caller holds.</summary>
    public bool TryGetLocked(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        return HeldShard(hashed).Map.TryGetValue(hashed, out value);
    }

    /// <summary>Whether <paramref name="key"/> is present, in a shard the caller holds.</summary>
    public bool ContainsKeyLocked(ReadOnlySpan<byte> key)
    {
        var hashed = new HashedKey(key);
        return HeldShard(hashed).Map.ContainsKey(hashed);
    }

    /// <summary>Inserts if absent, in a shard the caller holds; false if present.</summary>
    public bool TryInsertLocked(ReadOnlySpan<byte> key, TValue value)
    {
        var hashed = new HashedKey(key);
        return WritableShard(hashed, ifPresent: false).Map.TryAdd(hashed, value);
    }

    /// <summary>Stores <paramref name="value"/>, in a shard the caller holds.</summary>
    public void UpsertLocked(ReadOnlySpan<byte> key, TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = HeldShard(hashed);
        BeforeWrite(shard, hashed);
        shard.Map[hashed] = value;
    }

    /// <summary>Removes <paramref name="key"/>, in a shard the caller holds.</summary>
    public bool RemoveLocked(ReadOnlySpan<byte> key)
    {
        var hashed = new HashedKey(key);
        return WritableShard(hashed, ifPresent: true).Map.Remove(hashed);
    }

    /// <summary>Removes <paramref name="key"/> and returns the value it had, in a shard the caller holds.</summary>
    public bool TryRemoveLocked(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        return WritableShard(hashed, ifPresent: true).Map.Remove(hashed, out _, out value);
    }

    private Shard HeldShard(HashedKey key)
    {
        var shard = ShardFor(key);
        Debug.Assert(shard.Sync.IsHeldByCurrentThread, "the caller must hold the key's shard");
        return shard;
    }

    // The held shard of a write that changes it only if the key's presence is ifPresent (see BeforeWrite).
    private Shard WritableShard(HashedKey key, bool ifPresent)
    {
        var shard = HeldShard(key);
        BeforeWrite(shard, key, ifPresent);
        return shard;
    }

    private void Exit(int index) => _shards[index].Sync.Exit();

    /// <summary>Holds one or more shard locks; disposing releases them in reverse order.</summary>
    public ref struct ShardGuard
    {
        private readonly ShardedMap<TValue> _map;
        private readonly int _single;
        private readonly Span<int> _many;
        private bool _released;

        internal ShardGuard(ShardedMap<TValue> map, int single, Span<int> many)
        {
            _map = map;
            _single = single;
            _many = many;
            _released = false;
        }

        /// <summary>Releases the locks.</summary>
        public void Dispose()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            if (_single >= 0)
            {
                _map.Exit(_single);
                return;
            }

            for (var i = _many.Length - 1; i >= 0; i--)
            {
                _map.Exit(_many[i]);
            }
        }
    }
}
