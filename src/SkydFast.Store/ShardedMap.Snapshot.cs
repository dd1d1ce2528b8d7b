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
    /// The state of shard <paramref name="index"/> at the cut: the copy kept whole (after a Clear or many changes),
    /// or else the live entries copied into <paramref name="scratch"/> under the shard lock, with the changes recorded
    /// since the cut undone. Each shard is taken once.
    /// </summary>
    ShardCapture Take(int index, ShardCapture scratch);

    /// <summary>Ends the snapshot: no shard stays pending, every recorded value and preserved copy is dropped.</summary>
    void End();
}

/// <summary>
/// Copy-on-write support (DECISIONS.md 12). At a snapshot's cut every shard is marked pending. A write to a pending
/// shard first records the key's value at the cut (or that the key was absent) in the shard's undo table, once per
/// key: O(1) on the request path, where copying the whole shard took about 0.2 ms under its lock at 1M keys
/// (bench/README.md). The snapshot's reader copies the live shard a slice at a time and undoes the recorded changes
/// in its copy, so it sees the shard as it was at the cut, no writer ever waits for it, and a request waits for one
/// slice at most. Snapshots support <c>byte[]</c> and <see cref="StoredList"/> values, the two a <see cref="Table"/>
/// holds.
/// </summary>
public sealed partial class ShardedMap<TValue> : ISnapshotSource
{
    // In an undo table, the value of a key that was absent at the cut: a marker compared by reference, never stored
    // in a shard (stored values are fresh arrays and lists).
    private static readonly TValue Absent =
        (TValue)(typeof(TValue) == typeof(StoredList) ? new StoredList([]) : (object)new byte[1]);

    // Slots a reader copies per hold of a shard's lock: about 20-40 us of copying.
    private const int SlotsPerHold = 1024;

    // Below this many records a shard is never kept whole for their sake: small shards copy cheaply either way.
    private const int MinRecordsBeforeWholeCopy = 256;

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
    /// progress keeps the key's old state first.
    /// </summary>
    public bool TryGetForWriteLocked(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out TValue value)
    {
        var hashed = new HashedKey(key);
        var shard = HeldShard(hashed);
        if (!shard.Map.TryGetValue(hashed, out value))
        {
            return false;
        }

        BeforeWrite(shard, hashed, value);
        return true;
    }

    // The one check on the write path while no snapshot runs: a field of the shard the writer holds anyway.
    // current is the key's value now, or Absent.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BeforeWrite(Shard shard, HashedKey key, TValue current)
    {
        if (shard.Pending)
        {
            Record(shard, key, current);
        }
    }

    // For a write whose caller has not looked the key up (an upsert).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BeforeWrite(Shard shard, HashedKey key)
    {
        if (shard.Pending)
        {
            Record(shard, key, shard.Map.TryGetValue(key, out var current) ? current : Absent);
        }
    }

    // For writes that may change nothing (an insert of a present key, a removal of a missing one): record only if
    // this one will change the shard, so writes that change nothing do not fill the undo table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BeforeWrite(Shard shard, HashedKey key, bool ifPresent)
    {
        if (shard.Pending && shard.Map.TryGetValue(key, out var current) == ifPresent)
        {
            Record(shard, key, current ?? Absent);
        }
    }

    // Only the first change of a key after the cut is recorded: that one holds the key's state at the cut, and the
    // undo table stays no larger than the keys changed. A record costs more than a reference in a whole copy of the
    // shard (a key copy and a slot, about 70 bytes against 16), so once a quarter of the shard has changed, the
    // shard is kept whole instead: the memory a snapshot holds stays within what one copy of every shard takes.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Record(Shard shard, HashedKey key, TValue current)
    {
        var undo = shard.Undo ??= new KeyTable<TValue>();
        ref var kept = ref undo.GetValueRefOrAddDefault(key, out var exists);
        if (exists)
        {
            return;
        }

        // A list's items change in place, so its state at the cut is a copy; a byte[] value is never changed.
        kept = current is StoredList list && !ReferenceEquals(current, Absent)
            ? (TValue)(object)new StoredList([.. list.Items])
            : current;
        if (undo.Count >= MinRecordsBeforeWholeCopy && undo.Count > shard.Map.Count / 4)
        {
            // The write has not happened yet: live entries and records together are still the state at the cut.
            PreserveWhole(shard);
        }
    }

    // Keeps the shard's state at the cut whole (the reader takes it, even mid-walk) and ends pending: for a change to
    // every key at once (Clear), or once many keys have changed (Record).
    private static void PreserveWhole(Shard shard)
    {
        if (!shard.Pending)
        {
            return;
        }

        var copy = new ShardCapture();
        if (typeof(TValue) == typeof(StoredList))
        {
            CaptureLists(shard, copy);
        }
        else
        {
            copy.CaptureValues((KeyTable<byte[]>)(object)shard.Map);
            if (EndPending(shard) is { Count: > 0 } undo)
            {
                copy.UndoValues((KeyTable<byte[]>)(object)undo, (byte[])(object)Absent);
            }
        }

        shard.Preserved = copy;
    }

    // The shard stops being pending: later writes record nothing. Returns what was recorded since the cut.
    private static KeyTable<TValue>? EndPending(Shard shard)
    {
        var undo = shard.Undo;
        shard.Undo = null;
        shard.Pending = false;
        return undo;
    }

    // Copies a list shard as it was at the cut, in the caller's one hold of its lock (list tables are small next to
    // key/value tables, and a list's undo entry is applied while its elements are flattened), and ends pending.
    private static void CaptureLists(Shard shard, ShardCapture into)
    {
        var map = shard.Map;
        var undo = EndPending(shard);
        var elements = 0;
        foreach (var (_, value) in map)
        {
            elements += ((StoredList)(object)value).Items.Count;
        }

        if (undo is not null)
        {
            foreach (var (_, value) in undo)
            {
                elements += ((StoredList)(object)value).Items.Count;
            }
        }

        into.BeginLists(map.Count + (undo?.Count ?? 0), elements);
        foreach (var (key, value) in map)
        {
            if (undo is not null && undo.Remove(key, out _, out var old))
            {
                if (!ReferenceEquals(old, Absent))
                {
                    into.AddList(key, ((StoredList)(object)old).Items);
                }
            }
            else
            {
                into.AddList(key, ((StoredList)(object)value).Items);
            }
        }

        if (undo is not null)
        {
            // What is left was removed since the cut.
            foreach (var (key, old) in undo)
            {
                if (!ReferenceEquals(old, Absent))
                {
                    into.AddList(key, ((StoredList)(object)old).Items);
                }
            }
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
        if (typeof(TValue) == typeof(StoredList))
        {
            lock (shard.Sync)
            {
                if (TakePreserved(shard) is { } preserved)
                {
                    return preserved;
                }

                CaptureLists(shard, scratch);
                return scratch;
            }
        }

        var walk = BeginTake(index, scratch);
        while (!walk.Step())
        {
        }

        return walk.Finish();
    }

    /// <summary>Starts taking key/value shard <paramref name="index"/> one slice at a time (see <see cref="SliceWalk"/>).</summary>
    internal SliceWalk BeginTake(int index, ShardCapture scratch) => new(_shards[index], scratch);

    /// <summary>
    /// The reader's walk over a key/value shard, a slice of slots per hold of its lock, so a request for the shard
    /// waits for one slice at most. Between holds the shard stays pending, so every change records the key's value
    /// at the cut, and an entry inserted meanwhile is recorded as absent then: whether or not the walk copied them,
    /// the undo makes them right. Only entries that move (a removal's backward shift, a resize) could escape the
    /// walk or meet it twice; when that happened, the walk starts over and copies the whole shard in one hold.
    /// </summary>
    internal struct SliceWalk
    {
        private readonly Shard _shard;
        private readonly ShardCapture _scratch;
        private ShardCapture? _taken;
        private KeyTable<TValue>? _undo;
        private int _moves;
        private int _next;
        private int _end;

        internal SliceWalk(Shard shard, ShardCapture scratch)
        {
            _shard = shard;
            _scratch = scratch;
        }

        /// <summary>Copies the next slice in one hold of the shard's lock; true once the shard is taken.</summary>
        public bool Step()
        {
            lock (_shard.Sync)
            {
                if (TakePreserved(_shard) is { } preserved)
                {
                    _scratch.Clear();
                    _taken = preserved;
                    return true;
                }

                var map = (KeyTable<byte[]>)(object)_shard.Map;
                if (_end == 0)
                {
                    _moves = map.Moves;
                    _end = map.Capacity;
                    _scratch.BeginValues(map.MaxCount);
                }

                if (map.Moves != _moves)
                {
                    // Entries moved since the walk began: start over, the whole shard in this hold.
                    _scratch.CaptureValues(map);
                    _next = _end;
                }
                else
                {
                    var stop = Math.Min(_end, _next + SlotsPerHold);
                    _scratch.AddValues(map, _next, stop);
                    _next = stop;
                }

                if (_next < _end)
                {
                    return false;
                }

                _undo = EndPending(_shard);
                _taken = _scratch;
                return true;
            }
        }

        /// <summary>
        /// The shard at the cut, once <see cref="Step"/> said it is taken. The copy and the undo table are the
        /// reader's alone by now: the changes since the cut are undone without the lock.
        /// </summary>
        public readonly ShardCapture Finish()
        {
            if (_undo is { Count: > 0 })
            {
                _scratch.UndoValues((KeyTable<byte[]>)(object)_undo, (byte[])(object)Absent);
            }

            return _taken!;
        }
    }

    // With the shard held: the copy kept whole, if any; otherwise the shard must still be pending.
    private static ShardCapture? TakePreserved(Shard shard)
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

        return null;
    }

    void ISnapshotSource.End()
    {
        foreach (var shard in _shards)
        {
            ShardCapture? preserved;
            lock (shard.Sync)
            {
                shard.Pending = false;
                shard.Undo = null;
                preserved = shard.Preserved;
                shard.Preserved = null;
            }

            preserved?.Return();
        }
    }
}
