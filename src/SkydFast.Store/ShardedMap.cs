using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SkydFast.Store;

/// <summary>
/// A concurrent hash map from byte keys to immutable values: a power-of-two number of shards, one lock each,
/// the shard chosen by the top bits of the key's hash. Lookups take a span and allocate nothing; an insert
/// allocates only the stored key. Values are never changed in place: a write replaces the reference, which is
/// what lets a snapshot keep an older state cheaply.
/// </summary>
/// <typeparam name="TValue">The stored value: <c>byte[]</c> for key/value tables, <see cref="StoredList"/> for lists.</typeparam>
public sealed partial class ShardedMap<TValue>
    where TValue : class
{
    /// <summary>The default shard count: enough that two cores' writers rarely meet on one lock.</summary>
    public const int DefaultShardCount = 64;

    private readonly Shard[] _shards;
    private readonly int _shift;

    /// <summary>Creates a map with <paramref name="shardCount"/> shards (a power of two).</summary>
    public ShardedMap(int shardCount = DefaultShardCount)
    {
        if (shardCount < 1 || !BitOperations.IsPow2(shardCount))
        {
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, "must be a power of two");
        }

        _shards = new Shard[shardCount];
        for (var i = 0; i < shardCount; i++)
        {
            _shards[i] = new Shard();
        }

        // Top bits pick the shard; with one shard, shift the whole hash away.
        _shift = 32 - BitOperations.Log2((uint)shardCount);
    }

    /// <summary>The number of shards.</summary>
    public int ShardCount => _shards.Length;

    /// <summary>The number of entries; a sum over shards, not one moment in time under concurrent writes.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var shard in _shards)
            {
                lock (shard.Sync)
                {
                    total += shard.Map.Count;
                }
            }

            return total;
        }
    }

    /// <summary>The shard that holds <paramref name="key"/>.</summary>
    public int ShardOf(ReadOnlySpan<byte> key) => ShardIndex(ByteKeyComparer.Hash(key));

    // The top bits of the hash pick the shard; with one shard, the whole hash is shifted away.
    private int ShardIndex(int hash) => _shift == 32 ? 0 : (int)((uint)hash >> _shift);

    private Shard ShardFor(HashedKey key) => _shards[ShardIndex(key.Hash)];

    /// <summary>Looks <paramref name="key"/> up.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            return shard.Map.TryGetValue(hashed, out value);
        }
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(ReadOnlySpan<byte> key)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            return shard.Map.ContainsKey(hashed);
        }
    }

    /// <summary>Stores <paramref name="value"/> if <paramref name="key"/> is absent; false if it was present.</summary>
    public bool TryInsert(ReadOnlySpan<byte> key, TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            BeforeWrite(shard, hashed, ifPresent: false);
            return shard.Map.TryAdd(hashed, value);
        }
    }

    /// <summary>
    /// Stores <c>create(state)</c> if <paramref name="key"/> is absent; false if it was present. The value is made
    /// under the shard lock and only when it will be stored, so a write that stores nothing allocates nothing.
    /// </summary>
    public bool TryInsert<TState>(ReadOnlySpan<byte> key, TState state, Func<TState, TValue> create)
        where TState : allows ref struct
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            BeforeWrite(shard, hashed, ifPresent: false);
            ref var slot = ref shard.Map.GetValueRefOrAddDefault(hashed, out var exists);
            if (exists)
            {
                return false;
            }

            try
            {
                slot = create(state);
            }
            catch
            {
                // Never leave the placeholder entry behind (an out-of-memory copy, say).
                shard.Map.Remove(hashed);
                throw;
            }

            return true;
        }
    }

    /// <summary>
    /// Replaces the value of <paramref name="key"/> with <c>create(state)</c> if present; false if it was absent.
    /// The value is made under the shard lock and only when the key is present.
    /// </summary>
    public bool TryUpdate<TState>(ReadOnlySpan<byte> key, TState state, Func<TState, TValue> create)
        where TState : allows ref struct
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            ref var slot = ref shard.FindSlot(hashed);
            if (Unsafe.IsNullRef(ref slot))
            {
                return false;
            }

            BeforeWrite(shard, hashed, slot);
            slot = create(state);
            return true;
        }
    }

    /// <summary>Replaces the value of <paramref name="key"/> if present; false if it was absent.</summary>
    public bool TryUpdate(ReadOnlySpan<byte> key, TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            ref var slot = ref shard.FindSlot(hashed);
            if (Unsafe.IsNullRef(ref slot))
            {
                return false;
            }

            BeforeWrite(shard, hashed, slot);
            slot = value;
            return true;
        }
    }

    /// <summary>
    /// Makes room for about <paramref name="entries"/> more entries spread over the shards, so a bulk load does not
    /// rehash each shard a dozen times as it grows.
    /// </summary>
    public void Reserve(long entries)
    {
        var perShard = (int)Math.Min(int.MaxValue, (entries / _shards.Length) + (entries / _shards.Length / 8) + 1);
        foreach (var shard in _shards)
        {
            lock (shard.Sync)
            {
                shard.Map.EnsureCapacity(shard.Map.Count + perShard);
            }
        }
    }

    /// <summary>Stores <paramref name="value"/> whether or not <paramref name="key"/> was present.</summary>
    public void Upsert(ReadOnlySpan<byte> key, TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            BeforeWrite(shard, hashed);
            shard.Map[hashed] = value;
        }
    }

    /// <summary>Removes <paramref name="key"/>; false if it was absent.</summary>
    public bool Remove(ReadOnlySpan<byte> key)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            BeforeWrite(shard, hashed, ifPresent: true);
            return shard.Map.Remove(hashed);
        }
    }

    /// <summary>Removes <paramref name="key"/> and returns the value it had.</summary>
    public bool TryRemove(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = ShardFor(hashed);
        lock (shard.Sync)
        {
            BeforeWrite(shard, hashed, ifPresent: true);
            return shard.Map.Remove(hashed, out _, out value);
        }
    }

    /// <summary>Removes every entry, shard by shard.</summary>
    public void Clear()
    {
        foreach (var shard in _shards)
        {
            lock (shard.Sync)
            {
                if (shard.Map.Count != 0)
                {
                    PreserveWhole(shard);
                    shard.Map.Clear();
                }
            }
        }
    }

    /// <summary>
    /// Appends up to <paramref name="limit"/> keys to <paramref name="keys"/>, in no particular order. The keys
    /// are the stored arrays themselves: they are never modified, so sharing them is safe.
    /// </summary>
    public void CopyKeys(List<byte[]> keys, long limit)
    {
        foreach (var shard in _shards)
        {
            lock (shard.Sync)
            {
                foreach (var (key, _) in shard.Map)
                {
                    if (keys.Count >= limit)
                    {
                        return;
                    }

                    keys.Add(key);
                }
            }
        }
    }

    internal sealed class Shard
    {
        public readonly Lock Sync = new();
        public readonly KeyTable<TValue> Map = new();

        // Snapshot state (ShardedMap.Snapshot.cs), guarded by Sync: pending from the cut until the reader takes
        // the shard or it is preserved whole (a Clear, or many changes); Undo holds the cut's value of each key
        // changed meanwhile (created at the first change); Preserved is the whole state at the cut, once kept.
        public bool Pending;
        public KeyTable<TValue>? Undo;
        public ShardCapture? Preserved;

        /// <summary>A reference to the value slot of <paramref name="key"/>, or a null ref.</summary>
        public ref TValue FindSlot(HashedKey key)
        {
            Debug.Assert(Sync.IsHeldByCurrentThread, "the shard lock must be held");
            return ref Map.GetValueRefOrNullRef(key);
        }
    }
}
