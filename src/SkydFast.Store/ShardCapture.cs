using System.Buffers;

namespace SkydFast.Store;

/// <summary>
/// The entries of one shard at the snapshot's cut: references only, in pooled arrays. Keys and values are
/// immutable once stored, so copying the references is copying the state; a list's elements are copied into
/// one flat array because list actions change <see cref="StoredList.Items"/> in place.
/// </summary>
internal sealed class ShardCapture
{
    // One array of (key, value) structs: filling it is KeyTable.CopyTo's tight loop, with none of the covariance
    // checks a store into a byte[][] pays per element (measured: 1M entries in 10.5 ms instead of 57 ms). The reader
    // copies a shard this way under its lock, so requests for that shard wait for it during a snapshot. List
    // entries keep their key here and their elements flattened in _elements.
    private KeyValuePair<byte[], byte[]>[] _entries = [];

    // Entry i's key hash, captured only for a shard with an undo table (see UndoValues).
    private int[] _hashes = [];

    // For lists: entry i holds _elements[start.._ends[i]), start being _ends[i - 1] (0 for the first).
    private int[] _ends = [];
    private byte[][] _elements = [];
    private int _elementCount;

    /// <summary>The number of captured entries.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a capture of a key/value shard with room for <paramref name="room"/> entries.</summary>
    public void BeginValues(int room)
    {
        Clear();
        Ensure(ref _entries, room);
        Ensure(ref _hashes, room);
    }

    /// <summary>Captures every entry of a key/value shard, in one pass.</summary>
    public void CaptureValues(KeyTable<byte[]> map)
    {
        BeginValues(map.Count);
        AddValues(map, 0, map.Capacity);
    }

    /// <summary>Adds the entries of slots [<paramref name="fromSlot"/>, <paramref name="toSlot"/>) of <paramref name="map"/>.</summary>
    public void AddValues(KeyTable<byte[]> map, int fromSlot, int toSlot) =>
        Count = map.CopyTo(fromSlot, toSlot, _entries, _hashes, Count);

    /// <summary>
    /// Turns a capture of the live shard back into the shard at the cut: every key in <paramref name="undo"/> gets
    /// its value at the cut back, or leaves when it was <paramref name="absent"/> then. Empties the undo table.
    /// </summary>
    public void UndoValues(KeyTable<byte[]> undo, byte[] absent)
    {
        Ensure(ref _entries, Count + undo.Count, keep: Count);

        // The hashes spare a cache miss per entry: a key is read only when the undo table holds its hash. Usually
        // the changed keys are still present, and the walk stops once it has found them all.
        for (var i = 0; i < Count && undo.Count != 0;)
        {
            ref var entry = ref _entries[i];
            if (!undo.ContainsHash(_hashes[i]) || !undo.Remove(new HashedKey(entry.Key, _hashes[i]), out _, out var old))
            {
                i++;
                continue;
            }

            if (ReferenceEquals(old, absent))
            {
                // Inserted since the cut: the last entry takes its place (the order is no part of the state).
                Count--;
                entry = _entries[Count];
                _hashes[i] = _hashes[Count];
                _entries[Count] = default;
                continue;
            }

            entry = new KeyValuePair<byte[], byte[]>(entry.Key, old);
            i++;
        }

        // What is left was removed since the cut.
        foreach (var (key, old) in undo)
        {
            if (!ReferenceEquals(old, absent))
            {
                _entries[Count++] = new KeyValuePair<byte[], byte[]>(key, old);
            }
        }

        undo.Clear();
    }

    /// <summary>Starts a capture of <paramref name="count"/> lists holding <paramref name="elements"/> elements in all.</summary>
    public void BeginLists(int count, int elements)
    {
        Clear();
        Ensure(ref _entries, count);
        Ensure(ref _ends, count);
        Ensure(ref _elements, elements);
    }

    public void AddList(byte[] key, List<byte[]> items)
    {
        items.CopyTo(_elements, _elementCount);
        _elementCount += items.Count;
        _entries[Count] = new KeyValuePair<byte[], byte[]>(key, null!);
        _ends[Count++] = _elementCount;
    }

    public byte[] Key(int index) => _entries[index].Key;

    public byte[] Value(int index) => _entries[index].Value;

    public ReadOnlySpan<byte[]> Elements(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _elements.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Drops the references (so the capture keeps nothing alive) and keeps the arrays for reuse.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Array.Clear(_elements, 0, _elementCount);
        Count = 0;
        _elementCount = 0;
    }

    /// <summary>Drops the references and gives the arrays back to the pool.</summary>
    public void Return()
    {
        Clear();
        Give(ref _entries);
        Give(ref _hashes);
        Give(ref _elements);
        Give(ref _ends);
    }

    // Makes the array hold at least length items, keeping its first `keep` (cleared from the array given back).
    private static void Ensure<T>(ref T[] array, int length, int keep = 0)
    {
        if (array.Length >= length)
        {
            return;
        }

        var larger = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan(0, keep).CopyTo(larger);
        Array.Clear(array, 0, keep);
        Give(ref array);
        array = larger;
    }

    // Arrays go back cleared of references already (Clear), so the pool keeps no entry alive.
    private static void Give<T>(ref T[] array)
    {
        if (array.Length != 0)
        {
            ArrayPool<T>.Shared.Return(array);
            array = [];
        }
    }
}
