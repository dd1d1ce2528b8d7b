using SkydFast.Engine.Auth;
using SkydFast.Persistence.Services;
using SkydFast.Store;

namespace SkydFast.Engine;

/// <summary>What every connection of one server shares: the store and, when the server persists, its data root
/// and snapshots.</summary>
public sealed class ServerContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="store">The store.</param>
    /// <param name="dataDirectory">The data root (<c>data</c>), or null for a server without persistence.</param>
    /// <param name="snapshots">The snapshots MKSNAP makes, or null for a server without persistence.</param>
    /// <param name="auth">Authentication; null for <see cref="AuthProvider.Disabled"/>.</param>
    public ServerContext(CoreStore store, string? dataDirectory = null, SnapshotService? snapshots = null, AuthProvider? auth = null)
    {
        Store = store;
        DataDirectory = dataDirectory;
        Snapshots = snapshots;
        Auth = auth ?? AuthProvider.Disabled;
    }

    /// <summary>Authentication: who may do what (actions.md §9).</summary>
    public AuthProvider Auth { get; }

    /// <summary>The store.</summary>
    public CoreStore Store { get; }

    /// <summary>The data root (<c>data</c>: <c>ks</c>, <c>snaps</c>, <c>rsnap</c>), or null without persistence.</summary>
    public string? DataDirectory { get; }

    /// <summary>The server's snapshots, or null without persistence.</summary>
    public SnapshotService? Snapshots { get; }

    /// <summary>Query and error counts of every connection (the metrics).</summary>
    public ServerStatistics Statistics { get; } = new();
}
