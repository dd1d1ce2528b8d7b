using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;

namespace SkydFast.Persistence.Load;

/// <summary>
/// <c>--restore &lt;dir&gt;</c> (persistence-and-config.md §6.4, DECISIONS.md 13): replaces <c>data/ks</c> with the tree
/// of a data root (<c>&lt;dir&gt;/ks/PRELOAD</c>) or of a snapshot folder (<c>&lt;dir&gt;/PRELOAD</c>), before the
/// store is loaded. The source is loaded strictly first, so a damaged or foreign folder is refused before
/// <c>data/</c> is touched; then its files are copied byte for byte into <c>data/ks.next</c> and swapped in as one
/// flush is (DECISIONS.md 12a), so a crash during the restore leaves the old tree or the restored one. Only the tree
/// is copied: a data root's own snapshots stay where they are.
/// </summary>
public static class DataRestore
{
    /// <summary>Restores <paramref name="source"/> into the data root <paramref name="dataDir"/>.</summary>
    /// <returns>The tree that was copied (<c>&lt;dir&gt;/ks</c> or <c>&lt;dir&gt;</c>).</returns>
    /// <exception cref="StoreLoadException">The source is not a data root or a snapshot, or it does not load (the
    /// message says why); <c>data/</c> is untouched.</exception>
    /// <exception cref="CyanstoreFormatException">A file of the source is structurally broken; <c>data/</c> is
    /// untouched.</exception>
    /// <exception cref="IOException">Copying or swapping failed; <c>data/ks</c> is the old tree.</exception>
    public static string Run(string source, string dataDir)
    {
        var tree = FindTree(source);
        var staging = Path.GetFullPath(Path.Combine(dataDir, TreeSwap.NextName));
        if (IsWithin(tree, staging))
        {
            throw new StoreLoadException($"Restore failed: `{source}` lies inside `{staging}`, which a save replaces");
        }

        _ = StoreLoader.LoadTree(tree);
        TreeSwap.CreateDirectoryDurably(dataDir);
        CopyTree(tree, TreeSwap.BeginFlush(dataDir));
        _ = TreeSwap.CommitFlush(dataDir);
        return tree;
    }

    private static string FindTree(string source)
    {
        var full = Path.GetFullPath(source);
        if (!Directory.Exists(full))
        {
            throw new StoreLoadException($"Restore failed: `{source}` is not a folder");
        }

        var root = Path.Combine(full, TreeSwap.LiveName);
        if (File.Exists(Path.Combine(root, TreeWriter.PreloadName)))
        {
            return root;
        }

        if (File.Exists(Path.Combine(full, TreeWriter.PreloadName)))
        {
            return full;
        }

        throw new StoreLoadException(
            $"Restore failed: `{source}` is neither a data directory (with ks/{TreeWriter.PreloadName}) nor a snapshot (with {TreeWriter.PreloadName} at its top)");
    }

    private static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Every file through the one atomic-write path, as a flush writes them; CommitFlush fsyncs the whole tree.
    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var target = Path.Combine(to, Path.GetFileName(directory));
            Directory.CreateDirectory(target);
            CopyTree(directory, target);
        }

        foreach (var file in Directory.EnumerateFiles(from))
        {
            using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var output = AtomicFileStream.Create(Path.Combine(to, Path.GetFileName(file)));
            input.CopyTo(output);
            output.Commit();
        }
    }
}
