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

    /// <summary>A new session at <c>default:default</c> of a server without persistence.</summary>
    public Session(CoreStore store)
        : this(new ServerContext(store))
    {
    }

    /// <summary>A new session at <c>default:default</c>.</summary>
    public Session(ServerContext server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        Store = server.Store;
        Statistics = server.Statistics.Open();
        var keyspace = Store.DefaultKeyspace;
        var table = Store.DefaultTable;
        keyspace.TryAcquire();
        table.TryAcquire();
        CurrentKeyspace = keyspace;
        CurrentTable = table;
    }

    /// <summary>The server this session is a connection of.</summary>
    public ServerContext Server { get; }

    /// <summary>The store this session works on.</summary>
    public CoreStore Store { get; }

    /// <summary>This connection's query and error counts.</summary>
    internal ConnectionStatistics Statistics { get; }

    /// <summary>The user this connection is logged in as, or null (anonymous, or auth disabled).</summary>
    public byte[]? User { get; private set; }

    /// <summary>Whether auth is enabled and this connection is not logged in: only some AUTH sub-actions pass the
    /// dispatcher's gate (actions.md §9.1).</summary>
    public bool IsAnonymous => User is null && Server.Auth.Enabled;

    /// <summary>Whether this connection is logged in as <c>root</c>.</summary>
    public bool IsRoot => User is { } user && user.AsSpan().SequenceEqual(Auth.AuthProvider.Root);

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

    /// <summary>Logs this connection in as <paramref name="user"/>, replacing any previous login.</summary>
    public void LogIn(byte[] user) => User = user;

    /// <summary>Makes this connection anonymous.</summary>
    public void LogOut() => User = null;

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
        Server.Statistics.Close(Statistics);
    }
}
