using SkydFast.Persistence.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Flush;

/// <summary>
/// A full flush of a <see cref="CoreStore"/>: one point-in-time view (DECISIONS.md 12) written as a complete tree
/// and published atomically (DECISIONS.md 12a). One flush at a time per store: the store allows one open view.
/// </summary>
public static class Flusher
{
    /// <summary>
    /// BGSAVE and the termination save: writes the store into <c>data/ks.next</c> and swaps it with
    /// <c>data/ks</c> (<see cref="TreeSwap.CommitFlush"/>). On failure <c>data/ks</c> is untouched and the partial
    /// <c>ks.next</c> is removed by the next flush or at startup.
    /// </summary>
    /// <returns>False when only the removal of the old tree failed (the flush is complete; log a warning).</returns>
    /// <exception cref="IOException">A write, fsync or the swap failed.</exception>
    /// <exception cref="InvalidOperationException">Another view of the store is open.</exception>
    public static bool FlushToLive(CoreStore store, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(store);

        // The view first: while another flush of this store runs it throws before ks.next, that flush's tree, is
        // touched. It ends before the fsyncs and the swap, so writers stop preserving shards as soon as possible.
        using (var snapshot = store.TakeSnapshot())
        {
            var next = TreeSwap.BeginFlush(dataDir);
            FlushThread.Run(() => TreeWriter.Write(snapshot, next));
        }

        return TreeSwap.CommitFlush(dataDir);
    }

    /// <summary>
    /// A snapshot: writes the store into a staging folder (PRELOAD and the keyspace folders at its top, no
    /// <c>ks/</c> level) and renames it into <c>data/snaps/&lt;name&gt;</c> or <c>data/rsnap/&lt;name&gt;</c>.
    /// On failure the staging folder is removed (best effort; startup removes what is left).
    /// </summary>
    /// <returns>The snapshot's final path.</returns>
    /// <exception cref="IOException">A write or fsync failed, or the snapshot exists already.</exception>
    /// <exception cref="ArgumentException">An invalid name (<see cref="TreeSwap.SnapshotPath"/>).</exception>
    /// <exception cref="InvalidOperationException">Another view of the store is open.</exception>
    public static string FlushToSnapshot(CoreStore store, string dataDir, SnapshotKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        _ = TreeSwap.SnapshotPath(dataDir, kind, name);
        var snapshot = store.TakeSnapshot();
        try
        {
            using (snapshot)
            {
                var staging = TreeSwap.BeginSnapshot(dataDir, kind, name);
                FlushThread.Run(() => TreeWriter.Write(snapshot, staging));
            }

            return TreeSwap.CommitSnapshot(dataDir, kind, name);
        }
        catch
        {
            TreeSwap.AbandonSnapshot(dataDir, kind, name);
            throw;
        }
    }
}
