using System.Collections.Concurrent;

namespace SkydFast.Store;

/// <summary>
/// The in-memory database: every keyspace, its tables, and the poisoned flag that refuses writes after a
/// failed save (actions.md §8). A fresh store holds <c>default</c> (with the table <c>default</c>,
/// <c>keymap(binstr,binstr)</c>) and the empty placeholder <c>system</c> (model-and-ddl.md §1). The hidden system
/// keyspace's tables (<c>auth</c>) are kept apart in <see cref="SystemTables"/>: no action reaches them by name.
/// </summary>
public sealed class CoreStore
{
    /// <summary>The name of the default keyspace and of the default table in it.</summary>
    public const string DefaultName = "default";

    /// <summary>The name of the system keyspace.</summary>
    public const string SystemName = "system";

    private readonly ConcurrentDictionary<string, Keyspace> _keyspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Keyspace>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ConcurrentDictionary<string, SystemTable> _systemTables = new(StringComparer.Ordinal);

    // DDL is rare; one lock makes "check, then create or drop" atomic against every other DDL.
    private readonly Lock _ddl = new();
    private volatile bool _poisoned;
    private StoreSnapshot? _snapshot;

    /// <summary>Creates a fresh store.</summary>
    public CoreStore()
    {
        _lookup = _keyspaces.GetAlternateLookup<ReadOnlySpan<char>>();
        DefaultKeyspace = new Keyspace(DefaultName);
        DefaultTable = new Table(DefaultName, TableModel.BinstrBinstr, isVolatile: false);
        DefaultKeyspace.TryAdd(DefaultTable);
        SystemKeyspace = new Keyspace(SystemName);
        _keyspaces[DefaultName] = DefaultKeyspace;
        _keyspaces[SystemName] = SystemKeyspace;
    }

    /// <summary>The keyspace <c>default</c>.</summary>
    public Keyspace DefaultKeyspace { get; }

    /// <summary>The table <c>default:default</c>.</summary>
    public Table DefaultTable { get; }

    /// <summary>The user-visible placeholder <c>system</c>.</summary>
    public Keyspace SystemKeyspace { get; }

    /// <summary>While set, every write action answers code 5; reads go on (set and cleared by persistence).</summary>
    public bool IsPoisoned
    {
        get => _poisoned;
        set => _poisoned = value;
    }

    /// <summary>Every keyspace, in no particular order.</summary>
    public ICollection<Keyspace> Keyspaces => _keyspaces.Values;

    /// <summary>The hidden system keyspace's tables, in no particular order: none until auth was ever enabled.</summary>
    public ICollection<SystemTable> SystemTables => _systemTables.Values;

    /// <summary>
    /// The hidden system table <paramref name="name"/>, created empty if missing (at startup: from
    /// <c>system/PARTMAP</c>, or <c>auth</c> once an origin key is configured). An existing table keeps its
    /// storage flag.
    /// </summary>
    public SystemTable GetOrCreateSystemTable(string name, bool isVolatile = false)
    {
        lock (_ddl)
        {
            return _systemTables.GetOrAdd(name, static (n, v) => new SystemTable(n, v), isVolatile);
        }
    }

    /// <summary>The keyspace named by the bytes <paramref name="name"/>, or null.</summary>
    public Keyspace? GetKeyspace(ReadOnlySpan<byte> name)
    {
        if (name.Length > Names.MaxLookupLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[name.Length];
        Names.Widen(name, chars);
        return _lookup.TryGetValue(chars, out var keyspace) ? keyspace : null;
    }

    /// <summary>
    /// Takes a point-in-time view of every keyspace, table definition and persistent table's entries, in
    /// O(shards) (see <see cref="StoreSnapshot"/>). One view at a time: throws <see cref="InvalidOperationException"/>
    /// while another is open (the caller runs one flush at a time).
    /// </summary>
    public StoreSnapshot TakeSnapshot()
    {
        lock (_ddl)
        {
            if (_snapshot is not null)
            {
                throw new InvalidOperationException("a snapshot is already open; dispose it before taking another");
            }

            _snapshot = StoreSnapshot.Cut(this, _keyspaces.Values, _systemTables.Values);
            return _snapshot;
        }
    }

    internal void SnapshotEnded(StoreSnapshot snapshot)
    {
        lock (_ddl)
        {
            if (ReferenceEquals(_snapshot, snapshot))
            {
                _snapshot = null;
            }
        }
    }

    /// <summary>Creates an empty keyspace. The name must already be validated.</summary>
    public DdlResult CreateKeyspace(string name)
    {
        lock (_ddl)
        {
            return _keyspaces.TryAdd(name, new Keyspace(name)) ? DdlResult.Okay : DdlResult.AlreadyExists;
        }
    }

    /// <summary>Drops a keyspace: refused for <c>default</c>/<c>system</c>, when missing, not empty, or in use.</summary>
    public DdlResult DropKeyspace(ReadOnlySpan<byte> name)
    {
        lock (_ddl)
        {
            if (name.SequenceEqual("default"u8) || name.SequenceEqual("system"u8))
            {
                return DdlResult.Protected;
            }

            var keyspace = GetKeyspace(name);
            if (keyspace is null)
            {
                return DdlResult.NotFound;
            }

            if (keyspace.TableCount != 0)
            {
                return DdlResult.NotEmpty;
            }

            if (!keyspace.TryDrop())
            {
                return DdlResult.StillInUse;
            }

            _keyspaces.TryRemove(new KeyValuePair<string, Keyspace>(keyspace.Name, keyspace));
            return DdlResult.Okay;
        }
    }

    /// <summary>Creates an empty table in <paramref name="keyspace"/>. The name must already be validated.</summary>
    public DdlResult CreateTable(Keyspace keyspace, string name, TableModel model, bool isVolatile)
    {
        lock (_ddl)
        {
            if (keyspace.IsDropped)
            {
                return DdlResult.NotFound;
            }

            return keyspace.TryAdd(new Table(name, model, isVolatile)) ? DdlResult.Okay : DdlResult.AlreadyExists;
        }
    }

    /// <summary>Drops a table: refused for any table named <c>default</c>, when missing, or in use.</summary>
    public DdlResult DropTable(Keyspace keyspace, ReadOnlySpan<byte> name)
    {
        lock (_ddl)
        {
            if (name.SequenceEqual("default"u8))
            {
                return DdlResult.Protected;
            }

            var table = keyspace.IsDropped ? null : keyspace.GetTable(name);
            if (table is null)
            {
                return DdlResult.NotFound;
            }

            if (!table.TryDrop())
            {
                return DdlResult.StillInUse;
            }

            keyspace.Remove(table);
            return DdlResult.Okay;
        }
    }
}
