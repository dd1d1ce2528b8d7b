using SkydFast.Persistence.Services;
using SkydFast.Store;

namespace SkydFast.Engine;

/// <summary>
/// One connection's state: its current keyspace (always set) and current table (unset after <c>USE ks</c>),
/// model-and-ddl.md §2. The session holds a reference on both, which is what makes a DROP of either answer
/// still-in-use while this connection sits in it.
/// </summary>
public sealed class Session : IDisposable
{
    private bool _disposed;

    /// <summary>A new session at <c>default:default</c>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="snapshots">The server's snapshots (MKSNAP); null when it has no persistence.</param>
    public Session(CoreStore store, SnapshotService? snapshots = null)
    {
        Store = store;
        Snapshots = snapshots;
        var keyspace = store.DefaultKeyspace;
        var table = store.DefaultTable;
        keyspace.TryAcquire();
        table.TryAcquire();
        CurrentKeyspace = keyspace;
        CurrentTable = table;
    }

    /// <summary>The store this session works on.</summary>
    public CoreStore Store { get; }

    /// <summary>The server's snapshots, or null when it has no persistence.</summary>
    public SnapshotService? Snapshots { get; }

    /// <summary>The current keyspace.</summary>
    public Keyspace CurrentKeyspace { get; private set; }

    /// <summary>The current table, or null when only a keyspace is selected.</summary>
    public Table? CurrentTable { get; private set; }

    /// <summary>
    /// Makes <paramref name="keyspace"/> and <paramref name="table"/> current. False, with nothing changed, if
    /// either was dropped before a reference could be taken.
    /// </summary>
    public bool TrySwitch(Keyspace keyspace, Table? table)
    {
        if (!keyspace.TryAcquire())
        {
            return false;
        }

        if (table is not null && !table.TryAcquire())
        {
            keyspace.Release();
            return false;
        }

        CurrentKeyspace.Release();
        CurrentTable?.Release();
        CurrentKeyspace = keyspace;
        CurrentTable = table;
        return true;
    }

    /// <summary>Releases the references, so the containers can be dropped once the connection is gone.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CurrentKeyspace.Release();
        CurrentTable?.Release();
    }
}
