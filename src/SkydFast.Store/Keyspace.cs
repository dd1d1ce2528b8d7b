using System.Collections.Concurrent;

namespace SkydFast.Store;

/// <summary>A named collection of tables.</summary>
public sealed class Keyspace
{
    private readonly ConcurrentDictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Table>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private RefCount _refs;

    /// <summary>Creates an empty keyspace.</summary>
    public Keyspace(string name)
    {
        Name = name;
        _lookup = _tables.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The keyspace's name.</summary>
    public string Name { get; }

    /// <summary>The tables, in no particular order.</summary>
    public ICollection<Table> Tables => _tables.Values;

    /// <summary>The number of tables.</summary>
    public int TableCount => _tables.Count;

    /// <summary>Whether the keyspace was dropped.</summary>
    public bool IsDropped => _refs.IsDropped;

    /// <summary>The table named by the bytes <paramref name="name"/>, or null.</summary>
    public Table? GetTable(ReadOnlySpan<byte> name)
    {
        if (name.Length > Names.MaxLookupLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[name.Length];
        Names.Widen(name, chars);
        return _lookup.TryGetValue(chars, out var table) ? table : null;
    }

    /// <summary>Takes a reference for a connection that makes this its current keyspace.</summary>
    public bool TryAcquire() => _refs.TryAcquire();

    /// <summary>Returns a reference.</summary>
    public void Release() => _refs.Release();

    internal bool TryDrop() => _refs.TryDrop();

    internal bool TryAdd(Table table) => _tables.TryAdd(table.Name, table);

    internal void Remove(Table table) => _tables.TryRemove(new KeyValuePair<string, Table>(table.Name, table));
}
