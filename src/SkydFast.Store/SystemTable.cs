namespace SkydFast.Store;

/// <summary>
/// A table of the hidden system keyspace (model-and-ddl.md §1): today only <c>auth</c>, mapping a username to the
/// 40-byte hash of its token (actions.md §9.3). Users change rarely and are few, so one lock guards the whole map,
/// and a snapshot copies it at the cut instead of tracking versions.
/// </summary>
public sealed class SystemTable
{
    private readonly Dictionary<byte[], byte[]> _entries = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Lock _lock = new();

    internal SystemTable(string name, bool isVolatile)
    {
        Name = name;
        IsVolatile = isVolatile;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The table's name in <c>system/PARTMAP</c>.</summary>
    public string Name { get; }

    /// <summary>A volatile system table is listed in <c>system/PARTMAP</c> but its entries are never saved.</summary>
    public bool IsVolatile { get; }

    /// <summary>The number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The value stored for <paramref name="key"/>, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        lock (_lock)
        {
            return _lookup.TryGetValue(key, out var value) ? value : null;
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> unless the key is present.</summary>
    /// <returns>False, with nothing changed, when the key is present.</returns>
    public bool TryAdd(byte[] key, byte[] value)
    {
        lock (_lock)
        {
            return _entries.TryAdd(key, value);
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    public void Set(byte[] key, byte[] value)
    {
        lock (_lock)
        {
            _entries[key] = value;
        }
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <returns>False when it was not present.</returns>
    public bool Remove(ReadOnlySpan<byte> key)
    {
        lock (_lock)
        {
            return _lookup.Remove(key);
        }
    }

    /// <summary>Every entry as it is now, ordered by key (bytewise), so a saved file does not depend on hashing.</summary>
    public KeyValuePair<byte[], byte[]>[] Copy()
    {
        KeyValuePair<byte[], byte[]>[] entries;
        lock (_lock)
        {
            entries = [.. _entries];
        }

        Array.Sort(entries, static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        return entries;
    }
}
