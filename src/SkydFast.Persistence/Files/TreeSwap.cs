namespace SkydFast.Persistence.Files;

/// <summary>Where a snapshot goes: <c>data/snaps/&lt;name&gt;</c> or <c>data/rsnap/&lt;name&gt;</c>.</summary>
public enum SnapshotKind
{
    /// <summary>A scheduled or <c>MKSNAP</c> snapshot in <c>data/snaps/</c>.</summary>
    Local,

    /// <summary>A <c>MKSNAP &lt;name&gt;</c> snapshot in <c>data/rsnap/</c>; the name may hold <c>/</c>.</summary>
    Remote,
}

/// <summary>
/// Makes a whole flush atomic (DECISIONS.md 12a). BGSAVE and the termination save write the complete tree into
/// <c>data/ks.next/</c> (<see cref="BeginFlush"/>), then <see cref="CommitFlush"/> fsyncs it, swaps it with
/// <c>data/ks</c> in one <c>renameat2(RENAME_EXCHANGE)</c>, fsyncs <c>data/</c> and removes the old tree. A snapshot
/// is written into <c>data/.snap-&lt;name&gt;/</c> (<see cref="BeginSnapshot"/>) and renamed into
/// <c>data/snaps/</c> or <c>data/rsnap/</c> when complete (<see cref="CommitSnapshot"/>). A crash at any moment
/// leaves <c>data/ks</c> one complete tree, old or new, and <c>snaps/</c>/<c>rsnap/</c> only complete snapshots;
/// <see cref="CleanLeftovers"/> removes the rest at startup. Not thread-safe: one flush at a time, and one snapshot
/// of a kind at a time (the callers' busy rules already say so). Linux only (renameat2, directory fsync); the data
/// directory's file system must support <c>RENAME_EXCHANGE</c> (ext4, xfs, btrfs, tmpfs and overlayfs do).
/// </summary>
public static class TreeSwap
{
    /// <summary>The live tree under the data root.</summary>
    public const string LiveName = "ks";

    /// <summary>The tree a flush writes before the swap; after the swap, the old tree until it is removed.</summary>
    public const string NextName = "ks.next";

    /// <summary>The prefix of a snapshot's staging folder under the data root (a dot: hidden, and never a
    /// snapshot name, so it can not clash with <c>snaps</c>, <c>rsnap</c>, <c>ks</c> or <c>backups</c>).</summary>
    public const string SnapshotStagingPrefix = ".snap-";

    /// <summary>The local snapshot folder under the data root.</summary>
    public const string LocalSnapshotsName = "snaps";

    /// <summary>The remote snapshot folder under the data root.</summary>
    public const string RemoteSnapshotsName = "rsnap";

    /// <summary>Prepares an empty <c>data/ks.next/</c> (removing a leftover one) and returns its path: write the
    /// complete tree there (PRELOAD, every PARTMAP and table file, <c>system/</c>), then call
    /// <see cref="CommitFlush"/>.</summary>
    /// <exception cref="IOException">The leftover could not be removed or the folder not created.</exception>
    public static string BeginFlush(string dataDir)
    {
        var next = Path.Combine(dataDir, NextName);
        return CreateEmpty(next);
    }

    /// <summary>
    /// Publishes <c>data/ks.next/</c> as <c>data/ks</c>: fsyncs every file and directory of it
    /// (<see cref="SyncTree"/>; cheap for files already fsynced), exchanges the two in one
    /// <c>renameat2(RENAME_EXCHANGE)</c> (a plain rename when <c>data/ks</c> does not exist yet), fsyncs
    /// <c>data/</c>, then removes the old tree, now at <c>data/ks.next</c>.
    /// </summary>
    /// <returns>True when the old tree was removed too; false when only that removal failed: the flush is complete
    /// and durable, and the next <see cref="BeginFlush"/> or <see cref="CleanLeftovers"/> removes the old tree
    /// (log it as a warning).</returns>
    /// <exception cref="IOException">The sync or the swap failed (before the swap, <c>data/ks</c> is untouched) or
    /// the fsync of <c>data/</c> failed (the swap happened in memory but may not survive a crash).</exception>
    public static bool CommitFlush(string dataDir)
    {
        var live = Path.Combine(dataDir, LiveName);
        var next = Path.Combine(dataDir, NextName);
        SyncTree(next);
        if (Directory.Exists(live))
        {
            NativeMethods.ExchangePaths(next, live);
        }
        else
        {
            NativeMethods.RenameNoReplaceOrThrow(next, live);
        }

        AtomicFile.SyncDirectory(dataDir);
        // After the swap nothing needs the old tree; a crash before or during its removal leaves a ks.next that
        // startup removes (CleanLeftovers), so its removal needs no fsync.
        return TryDeleteTree(next);
    }

    /// <summary>
    /// Startup: removes what an interrupted flush or snapshot left under the data root, before anything reads it.
    /// <list type="bullet">
    /// <item><c>data/ks.next</c>, always. Every step of a flush leaves <c>data/ks</c> a complete tree: while
    /// <c>ks.next</c> is written, <c>ks</c> is the previous tree and <c>ks.next</c> partial; the exchange is one
    /// atomic step, so afterwards <c>ks</c> is the new complete tree and <c>ks.next</c> the superseded old one,
    /// possibly half removed. In neither case does <c>ks.next</c> hold anything to keep. When <c>data/ks</c> does
    /// not exist, only the first tree of a new instance can have been in the making, and a new instance has
    /// acknowledged nothing before that tree is in place, so <c>ks.next</c> goes too.</item>
    /// <item>Every <c>.snap-*</c> staging folder in <c>data/</c>, <c>data/snaps/</c> or <c>data/rsnap/</c>: a snapshot
    /// that was not complete, never renamed to its name, or a rotated one not yet removed.</item>
    /// </list>
    /// </summary>
    /// <returns>The paths removed (empty when there was nothing to clean), for the log.</returns>
    /// <exception cref="IOException">A leftover could not be removed; do not start on top of it.</exception>
    public static IReadOnlyList<string> CleanLeftovers(string dataDir)
    {
        var removed = new List<string>();
        if (!Directory.Exists(dataDir))
        {
            return removed;
        }

        var next = Path.Combine(dataDir, NextName);
        foreach (var folder in new[] { dataDir, Path.Combine(dataDir, LocalSnapshotsName), Path.Combine(dataDir, RemoteSnapshotsName) })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var leftovers = Directory.EnumerateFileSystemEntries(folder, SnapshotStagingPrefix + "*").ToList();
            if (folder == dataDir && (Directory.Exists(next) || File.Exists(next)))
            {
                leftovers.Add(next);
            }

            foreach (var leftover in leftovers)
            {
                DeleteTree(leftover);
            }

            if (leftovers.Count > 0)
            {
                AtomicFile.SyncDirectory(folder);
                removed.AddRange(leftovers);
            }
        }

        return removed;
    }

    /// <summary>Prepares an empty staging folder <c>data/.snap-&lt;name&gt;/</c> (removing a leftover one) and
    /// returns its path: write the snapshot there (PRELOAD and the keyspace folders at the top), then call
    /// <see cref="CommitSnapshot"/>.</summary>
    /// <exception cref="ArgumentException">An invalid name (see <see cref="SnapshotPath"/>).</exception>
    /// <exception cref="IOException">The folder could not be prepared.</exception>
    public static string BeginSnapshot(string dataDir, SnapshotKind kind, string name)
    {
        _ = SnapshotPath(dataDir, kind, name);
        return CreateEmpty(StagingPath(dataDir, kind, name));
    }

    /// <summary>Publishes a snapshot written by <see cref="BeginSnapshot"/>: fsyncs the staging tree, creates the
    /// parents of the target (nested remote names), renames the staging folder into <c>data/snaps/&lt;name&gt;</c>
    /// or <c>data/rsnap/&lt;name&gt;</c> (never replacing an existing snapshot), and fsyncs every parent touched.
    /// </summary>
    /// <returns>The snapshot's final path.</returns>
    /// <exception cref="IOException">The target exists already (<c>File exists (os error 17)</c>) or an I/O step
    /// failed; the staging folder is left for the caller or <see cref="CleanLeftovers"/> to remove.</exception>
    public static string CommitSnapshot(string dataDir, SnapshotKind kind, string name)
    {
        var target = SnapshotPath(dataDir, kind, name);
        var staging = StagingPath(dataDir, kind, name);
        SyncTree(staging);
        var parent = AtomicFile.ContainingDirectory(target);
        CreateDirectoryDurably(parent);
        NativeMethods.RenameNoReplaceOrThrow(staging, target);
        AtomicFile.SyncDirectory(parent);
        AtomicFile.SyncDirectory(dataDir);
        return target;
    }

    /// <summary>The final folder of a snapshot: <c>data/snaps/&lt;name&gt;</c> or <c>data/rsnap/&lt;name&gt;</c>,
    /// normalised (<c>a//b/</c> is <c>a/b</c>, as the path upstream would create).</summary>
    /// <exception cref="ArgumentException">The name is empty, rooted, climbs out with <c>..</c>, names the folder
    /// itself, has a part starting with <c>.snap-</c> (a staging folder's name, removed at startup), or (local
    /// snapshots) holds a <c>/</c>. MKSNAP checks names first with its own errors; this guards
    /// the file system.</exception>
    public static string SnapshotPath(string dataDir, SnapshotKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var folder = Path.GetFullPath(Path.Combine(dataDir, FolderName(kind)));
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(folder, name)));
        var nested = name.Contains('/', StringComparison.Ordinal);
        var parts = name.Split('/');
        if (Path.IsPathRooted(name) || parts.Contains("..") || (kind == SnapshotKind.Local && nested)
            || parts.Any(static part => part.StartsWith(SnapshotStagingPrefix, StringComparison.Ordinal))
            || !target.StartsWith(folder + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid snapshot name: {name}", nameof(name));
        }

        return target;
    }

    /// <summary>Removes a snapshot's staging folder after a failed write (best effort, for the failure path).
    /// </summary>
    /// <returns>True when nothing is left of it.</returns>
    public static bool AbandonSnapshot(string dataDir, SnapshotKind kind, string name)
    {
        _ = SnapshotPath(dataDir, kind, name);
        try
        {
            return TryDeleteTree(StagingPath(dataDir, kind, name));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes a complete snapshot (rotation) so that a crash can not leave half of it under its name: it is first
    /// renamed to a <c>.snap-old-…</c> folder beside it (which <see cref="CleanLeftovers"/> removes at startup), that
    /// folder is fsynced, then the snapshot is removed.
    /// </summary>
    /// <exception cref="IOException">The snapshot could not be moved or removed.</exception>
    public static void RetireSnapshot(string dataDir, SnapshotKind kind, string name)
    {
        var target = SnapshotPath(dataDir, kind, name);
        var folder = AtomicFile.ContainingDirectory(target);
        var retired = Path.Combine(folder, SnapshotStagingPrefix + "old-" + Escape(name));
        DeleteTree(retired);
        NativeMethods.RenameNoReplaceOrThrow(target, retired);
        AtomicFile.SyncDirectory(folder);
        DeleteTree(retired);
    }

    /// <summary>fsyncs every file and every directory of the tree at <paramref name="root"/>, the root included,
    /// each directory after its contents, so that the whole tree survives a crash once its parent is fsynced.
    /// </summary>
    /// <exception cref="IOException">An open or fsync failed.</exception>
    public static void SyncTree(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root))
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            RandomAccess.FlushToDisk(handle);
        }

        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            SyncTree(directory);
        }

        AtomicFile.SyncDirectory(root);
    }

    /// <summary>Creates <paramref name="path"/> and every missing parent, fsyncing the parent of each directory it
    /// creates so the new entries survive a crash.</summary>
    /// <exception cref="IOException">A directory could not be created or synced.</exception>
    public static void CreateDirectoryDurably(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = AtomicFile.ContainingDirectory(full);
        CreateDirectoryDurably(parent);
        Directory.CreateDirectory(full);
        AtomicFile.SyncDirectory(parent);
    }

    private static string FolderName(SnapshotKind kind) =>
        kind == SnapshotKind.Local ? LocalSnapshotsName : RemoteSnapshotsName;

    // One flat staging folder per snapshot, beside snaps/ and rsnap/ (same file system, so the rename is atomic).
    // A nested remote name is escaped ('%' -> "%25", '/' -> "%2F": one-to-one), so the staging folder stays one
    // level deep; "l-" and "r-" keep a local and a remote snapshot of the same name apart.
    // When snaps/ or rsnap/ is a file system of its own (a backup disk mounted there), a rename from data/ would fail
    // (EXDEV), so the staging folder goes inside that folder instead, where startup removes it all the same.
    private static string StagingPath(string dataDir, SnapshotKind kind, string name)
    {
        var folder = Path.Combine(dataDir, FolderName(kind));
        var parent = Directory.Exists(folder) && NativeMethods.DeviceOf(folder) != NativeMethods.DeviceOf(dataDir) ? folder : dataDir;
        return Path.Combine(parent, SnapshotStagingPrefix + (kind == SnapshotKind.Local ? "l-" : "r-") + Escape(name));
    }

    private static string Escape(string name) =>
        name.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);

    private static string CreateEmpty(string path)
    {
        DeleteTree(path);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteTree(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool TryDeleteTree(string path)
    {
        try
        {
            DeleteTree(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
