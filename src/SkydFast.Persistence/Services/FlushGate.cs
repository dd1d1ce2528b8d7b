using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Store;

namespace SkydFast.Persistence.Services;

/// <summary>
/// Every full flush of one store goes through here, one at a time: BGSAVE, the termination save, scheduled
/// snapshots and <c>MKSNAP</c>. The store holds one open view at a time, so a snapshot asked for while a BGSAVE
/// writes waits for it instead of failing; writers never wait for either (the view is copy-on-write).
/// </summary>
public sealed class FlushGate
{
    private readonly Lock _turn = new();

    /// <summary>Creates the gate for <paramref name="store"/>, flushing under <paramref name="dataDirectory"/>
    /// (the <c>data</c> folder).</summary>
    public FlushGate(CoreStore store, string dataDirectory)
    {
        Store = store;
        DataDirectory = dataDirectory;
    }

    /// <summary>The store being saved.</summary>
    public CoreStore Store { get; }

    /// <summary>The data root (<c>data</c>): <c>ks</c>, <c>snaps</c> and <c>rsnap</c> live below it.</summary>
    public string DataDirectory { get; }

    /// <summary>Saves the store to <c>data/ks</c> (<see cref="Flusher.FlushToLive"/>), after any flush in progress.</summary>
    /// <returns>False when only the removal of the superseded tree failed (the save is complete).</returns>
    /// <exception cref="IOException">The save failed; <c>data/ks</c> is untouched.</exception>
    public bool FlushToLive()
    {
        lock (_turn)
        {
            return Flusher.FlushToLive(Store, DataDirectory);
        }
    }

    /// <summary>Writes a snapshot (<see cref="Flusher.FlushToSnapshot"/>), after any flush in progress.</summary>
    /// <returns>The snapshot's folder.</returns>
    /// <exception cref="IOException">The snapshot could not be written, or exists already.</exception>
    public string FlushToSnapshot(SnapshotKind kind, string name)
    {
        lock (_turn)
        {
            return Flusher.FlushToSnapshot(Store, DataDirectory, kind, name);
        }
    }
}
