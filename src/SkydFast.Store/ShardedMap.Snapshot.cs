using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SkydFast.Store;

/// <summary>The shard-level side of a <see cref="StoreSnapshot"/>, without the value type.</summary>
internal interface ISnapshotSource
{
    int ShardCount { get; }

    /// <summary>Locks every shard, ascending.</summary>
    void EnterAll();

    /// <summary>Unlocks every shard, descending.</summary>
    void ExitAll();

    /// <summary>With every shard held: marks each pending and records its entry count.</summary>
    void MarkLocked(int[] counts);

    /// <summary>
    /// The state of shard <paramref name="index"/> at the cut: the copy a writer preserved, or else the live
    /// entries copied into <paramref name="scratch"/> under the shard lock. Each shard is taken once.
    /// </summary>
    ShardCapture Take(int index, ShardCapture scratch);

    /// <summary>Ends the snapshot: no shard stays pending, every preserved copy goes back to the pool.</summary>
    void End();
}

/// <summary>
/// Copy-on-write support (DECISIONS.md 12). At a snapshot's cut every shard is marked pending. The first write
/// to a pending shard copies the shard's entries (references; list elements flattened) before it changes
/// anything, and the snapshot's reader later takes that copy; a shard nobody wrote is copied by the reader
/// itself. Either way the reader sees the shard as it was at the cut, and no writer ever waits for it.
/// Snapshots support <c>byte[]</c> and <see cref="StoredList"/> values, the two a <see cref="Table"/> holds.
/// </summary>
public sealed partial class ShardedMap<TValue> : ISnapshotSource
{
    private static long _lastLockOrder;

    private readonly long _lockOrder = Interlocked.Increment(ref _lastLockOrder);

    /// <summary>
    /// This map's place in the global lock order, unique and ascending in creation order. Whoever holds shard
    /// locks of several maps at once (a snapshot's cut does) takes the maps in ascending <see cref="LockOrder"/>
    /// and, inside each map, the shards in ascending index, so no two such callers can deadlock.
    /// </summary>
    public long LockOrder => _lockOrder;

    /// <summary>
    /// Looks <paramref name="key"/> up, in a shard the caller holds, to change the value in place (a list's
    /// items): call it instead of <see cref="TryGetLocked"/> before any in-place change, so a snapshot in
    /// progress keeps the shard's old state first.
    /// </summary>
    public bool TryGetForWriteLocked(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = HeldShard(hashed);
        if (!shard.Map.TryGetValue(hashed, out value))
        {
            return false;
        }

        BeforeWrite(shard);
        return true;
    }

    // The one check on the write path while no snapshot runs: a field of the shard the writer holds anyway.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BeforeWrite(Shard shard)
    {
        if (shard.Pending)
        {
            Preserve(shard);
        }
    }

    // For writes that may change nothing (an insert of a present key, a removal of a missing one): preserve
    // only if this one will change the shard. The extra lookup happens only while the shard is pending.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BeforeWrite(Shard shard, HashedKey key, bool ifPresent)
    {
        if (shard.Pending && shard.Map.ContainsKey(key) == ifPresent)
        {
            Preserve(shard);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Preserve(Shard shard)
    {
        var copy = new ShardCapture();
        Capture(shard, copy);
        shard.Preserved = copy;
        shard.Pending = false;
    }

    private static void Capture(Shard shard, ShardCapture into)
    {
        var map = shard.Map;
        if (typeof(TValue) == typeof(StoredList))
        {
            var elements = 0;
            foreach (var (_, value) in map)
            {
                elements += ((StoredList)(object)value).Items.Count;
            }

            into.BeginLists(map.Count, elements);
            foreach (var (key, value) in map)
            {
                into.AddList(key, ((StoredList)(object)value).Items);
            }
        }
        else
        {
            into.CaptureValues((KeyTable<byte[]>)(object)map);
        }
    }

    void ISnapshotSource.EnterAll()
    {
        foreach (var shard in _shards)
        {
            shard.Sync.Enter();
        }
    }

    void ISnapshotSource.ExitAll()
    {
        for (var i = _shards.Length - 1; i >= 0; i--)
        {
            _shards[i].Sync.Exit();
        }
    }

    void ISnapshotSource.MarkLocked(int[] counts)
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i].Pending = true;
            counts[i] = _shards[i].Map.Count;
        }
    }

    ShardCapture ISnapshotSource.Take(int index, ShardCapture scratch)
    {
        var shard = _shards[index];
        lock (shard.Sync)
        {
            if (shard.Preserved is { } preserved)
            {
                shard.Preserved = null;
                return preserved;
            }

            if (!shard.Pending)
            {
                throw new InvalidOperationException("the shard was already read or the snapshot has ended");
            }

            // References only: 16K entries copy in tens of microseconds, the longest a reader waits here.
            Capture(shard, scratch);
            shard.Pending = false;
            return scratch;
        }
    }

    void ISnapshotSource.End()
    {
        foreach (var shard in _shards)
        {
            ShardCapture? preserved;
            lock (shard.Sync)
            {
                shard.Pending = false;
                preserved = shard.Preserved;
                shard.Preserved = null;
            }

            preserved?.Return();
        }
    }
}
