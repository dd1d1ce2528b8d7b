namespace SkydFast.Store;

/// <summary>
/// A point-in-time view of the whole store (DECISIONS.md 12): every keyspace, every table definition and every
/// persistent table's entries as they were at one moment, taken by <see cref="CoreStore.TakeSnapshot"/>.
/// <para>
/// Taking it costs O(shards): under the DDL lock every shard of every table is locked (maps in ascending
/// <see cref="ShardedMap{TValue}.LockOrder"/>, shards ascending), marked pending and counted, then released. Every
/// writer holds its shard's lock while it writes, and a multi-key write holds all of its shards, so that moment
/// is one consistent cut: a write is wholly in the view or wholly out of it. Afterwards a writer that changes a key
/// of a pending shard first records that key's value at the cut, once per key, so writers never wait for the
/// reader, and memory grows only by the keys changed before the reader reached their shard.
/// </para>
/// <para>
/// One consumer reads the view, table by table, each table once. Only one view is open at a time: a second
/// <see cref="CoreStore.TakeSnapshot"/> throws until this one is disposed. Disposing ends the view: writers stop
/// recording and every kept value is released.
/// </para>
/// </summary>
public sealed class StoreSnapshot : IDisposable
{
    private readonly CoreStore _store;
    private readonly TableSnapshot[] _data;
    private bool _disposed;

    private StoreSnapshot(CoreStore store, KeyspaceSnapshot[] keyspaces, SystemTableSnapshot[] systemTables, TableSnapshot[] data)
    {
        _store = store;
        Keyspaces = keyspaces;
        SystemTables = systemTables;
        _data = data;
    }

    /// <summary>Every keyspace at the cut, ordered by name (ordinal).</summary>
    public IReadOnlyList<KeyspaceSnapshot> Keyspaces { get; }

    /// <summary>The hidden system keyspace's tables at the cut, ordered by name (ordinal).</summary>
    public IReadOnlyList<SystemTableSnapshot> SystemTables { get; }

    // The reader's buffer for shards no Clear preserved whole: one per view, reused shard after shard.
    internal ShardCapture Scratch { get; } = new();

    internal bool IsDisposed => _disposed;

    /// <summary>Ends the view; the reader must not use it afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var table in _data)
        {
            table.Source!.End();
        }

        Scratch.Return();
        _store.SnapshotEnded(this);
    }

    /// <summary>Takes the cut. The caller holds the DDL lock, so no keyspace or table comes or goes meanwhile.</summary>
    internal static StoreSnapshot Cut(CoreStore store, ICollection<Keyspace> keyspaces, ICollection<SystemTable> systemTables)
    {
        // A handful of users at most: copied whole, at the cut.
        var system = systemTables.Select(static t => new SystemTableSnapshot(t)).ToArray();
        Array.Sort(system, static (a, b) => string.CompareOrdinal(a.Name, b.Name));

        var views = new KeyspaceSnapshot[keyspaces.Count];
        var data = new List<TableSnapshot>();
        var k = 0;
        foreach (var keyspace in keyspaces)
        {
            var tables = new TableSnapshot[keyspace.TableCount];
            var t = 0;
            foreach (var table in keyspace.Tables)
            {
                tables[t] = new TableSnapshot(table);
                if (tables[t].Source is not null)
                {
                    data.Add(tables[t]);
                }

                t++;
            }

            Array.Sort(tables, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            views[k++] = new KeyspaceSnapshot(keyspace.Name, tables);
        }

        Array.Sort(views, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var ordered = data.ToArray();
        Array.Sort(ordered, static (a, b) => a.LockOrder.CompareTo(b.LockOrder));
        var snapshot = new StoreSnapshot(store, views, system, ordered);
        foreach (var table in ordered)
        {
            table.Owner = snapshot;
        }

        var entered = 0;
        try
        {
            for (; entered < ordered.Length; entered++)
            {
                ordered[entered].Source!.EnterAll();
            }

            // Every shard of every table is held: this is the moment the view shows.
            foreach (var table in ordered)
            {
                table.MarkLocked();
            }
        }
        finally
        {
            for (var i = entered - 1; i >= 0; i--)
            {
                ordered[i].Source!.ExitAll();
            }
        }

        return snapshot;
    }
}

/// <summary>A hidden system table at the cut: its definition and, unless it is volatile, a copy of its entries.</summary>
public sealed class SystemTableSnapshot
{
    internal SystemTableSnapshot(SystemTable table)
    {
        Name = table.Name;
        IsVolatile = table.IsVolatile;
        Entries = table.IsVolatile ? [] : table.Copy();
    }

    /// <summary>The table's name in <c>system/PARTMAP</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the table is volatile (listed, never saved).</summary>
    public bool IsVolatile { get; }

    /// <summary>The entries, ordered by key (bytewise); empty for a volatile table.</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]>> Entries { get; }
}

/// <summary>A keyspace at the cut.</summary>
public sealed class KeyspaceSnapshot
{
    internal KeyspaceSnapshot(string name, TableSnapshot[] tables)
    {
        Name = name;
        Tables = tables;
    }

    /// <summary>The keyspace's name.</summary>
    public string Name { get; }

    /// <summary>Its tables at the cut, ordered by name (ordinal).</summary>
    public IReadOnlyList<TableSnapshot> Tables { get; }
}

/// <summary>
/// A table at the cut: its definition, its entry count, and its entries, read once with <c>foreach</c>, shard by
/// shard. A volatile table's data is not captured (a flush writes only its definition): its
/// <see cref="Count"/> is 0 and it enumerates nothing.
/// </summary>
public sealed class TableSnapshot
{
    private readonly int[] _counts;
    private bool _read;

    internal TableSnapshot(Table table)
    {
        Name = table.Name;
        Model = table.Model;
        IsVolatile = table.IsVolatile;
        if (!table.IsVolatile)
        {
            Source = (ISnapshotSource?)table.Kv ?? table.Lists!;
            LockOrder = table.Kv?.LockOrder ?? table.Lists!.LockOrder;
        }

        _counts = new int[Source?.ShardCount ?? 0];
    }

    /// <summary>The table's name inside its keyspace.</summary>
    public string Name { get; }

    /// <summary>The model code.</summary>
    public TableModel Model { get; }

    /// <summary>Whether the table is volatile (its definition persists, its data does not).</summary>
    public bool IsVolatile { get; }

    /// <summary>The number of entries at the cut: exactly the number the enumeration yields.</summary>
    public long Count { get; private set; }

    internal ISnapshotSource? Source { get; }

    internal long LockOrder { get; }

    internal StoreSnapshot? Owner { get; set; }

    /// <summary>Reads the entries, shard by shard; a table can be read once per view.</summary>
    public Enumerator GetEnumerator()
    {
        ObjectDisposedException.ThrowIf(Owner is { IsDisposed: true }, typeof(StoreSnapshot));
        if (_read)
        {
            throw new InvalidOperationException($"table {Name} was already read from this snapshot");
        }

        _read = true;
        return new Enumerator(this);
    }

    internal void MarkLocked()
    {
        Source!.MarkLocked(_counts);
        long total = 0;
        foreach (var count in _counts)
        {
            total += count;
        }

        Count = total;
    }

    /// <summary>
    /// Walks the entries of a <see cref="TableSnapshot"/>. Each shard is fetched (under its lock, briefly) when
    /// the walk reaches it; no lock is held between <see cref="MoveNext"/> calls, so the reader may do I/O.
    /// Dispose it (foreach does) to give a kept copy back to the pool.
    /// </summary>
    public ref struct Enumerator
    {
        private readonly TableSnapshot _table;
        private ShardCapture? _current;
        private int _shard;
        private int _index;

        internal Enumerator(TableSnapshot table)
        {
            _table = table;
            _shard = -1;
            _index = -1;
        }

        /// <summary>The entry the walk is on; valid until the next <see cref="MoveNext"/>.</summary>
        public readonly SnapshotEntry Current => _table.IsList()
            ? new SnapshotEntry(_current!.Key(_index), default, _current.Elements(_index))
            : new SnapshotEntry(_current!.Key(_index), _current.Value(_index), default);

        /// <summary>Moves to the next entry; false at the end.</summary>
        public bool MoveNext()
        {
            var source = _table.Source;
            if (source is null)
            {
                return false;
            }

            while (_current is null || ++_index >= _current.Count)
            {
                ReleaseCurrent();
                if (++_shard >= source.ShardCount)
                {
                    return false;
                }

                _current = source.Take(_shard, _table.Owner!.Scratch);
                if (_current.Count != _table._counts[_shard])
                {
                    // A bug, never a state: the file would declare one count and hold another (DECISIONS.md 12).
                    throw new InvalidOperationException(
                        $"table {_table.Name} shard {_shard}: {_current.Count} entries captured, {_table._counts[_shard]} at the cut");
                }

                _index = -1;
            }

            return true;
        }

        /// <summary>Releases the shard the walk is on.</summary>
        public void Dispose() => ReleaseCurrent();

        private void ReleaseCurrent()
        {
            if (_current is null)
            {
                return;
            }

            if (ReferenceEquals(_current, _table.Owner!.Scratch))
            {
                _current.Clear();
            }
            else
            {
                _current.Return();
            }

            _current = null;
        }
    }

    private bool IsList() => Model.IsList();
}

/// <summary>One entry of a <see cref="TableSnapshot"/>: a key with either its value or its list's elements.</summary>
public readonly ref struct SnapshotEntry
{
    internal SnapshotEntry(byte[] key, ReadOnlySpan<byte> value, ReadOnlySpan<byte[]> elements)
    {
        Key = key;
        Value = value;
        Elements = elements;
    }

    /// <summary>The key.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>The value (key/value tables; empty for lists).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The list's elements at the cut (list tables; empty for key/value tables).</summary>
    public ReadOnlySpan<byte[]> Elements { get; }
}
