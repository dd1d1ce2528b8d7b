using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Store;

namespace SkydFast.Persistence.Load;

/// <summary>What startup loaded.</summary>
/// <param name="Store">The store, unpoisoned, with the hidden system tables of <c>system/PARTMAP</c> (the auth
/// table and its users; a volatile one empty) in <see cref="CoreStore.SystemTables"/>.</param>
/// <param name="IsNewInstance">True when the data directory was missing or empty and was created.</param>
public sealed record LoadedStore(CoreStore Store, bool IsNewInstance);

/// <summary>
/// Startup's store loading (persistence-and-config.md §4.1, §4.2): creates a new instance, or loads
/// <c>data/ks</c> into a fresh <see cref="CoreStore"/>.
/// </summary>
public static class StoreLoader
{
    /// <summary>Folders a new instance gets beside <c>ks</c>; <c>backups</c> is never used by 0.7.x.</summary>
    private static readonly string[] NewInstanceFolders = ["backups", TreeSwap.LocalSnapshotsName, TreeSwap.RemoteSnapshotsName];

    /// <summary>
    /// Removes what an interrupted flush or snapshot left (<see cref="TreeSwap.CleanLeftovers"/>), then either
    /// creates a new instance (the directory is missing or empty: <c>data/</c>, then a full flush of the default
    /// store to <c>data/ks</c> first, so a crash before it is complete leaves no <c>data/</c> that looks like an
    /// instance without a PRELOAD, then <c>backups/</c>, <c>snaps/</c>, <c>rsnap/</c>) or loads <c>data/ks</c>
    /// (and creates whichever of those three folders is missing).
    /// </summary>
    /// <param name="dataDir">The data root (<c>data</c> relative to the working directory in the server); error
    /// messages name files under it, e.g. <c>data/ks/default/default</c>.</param>
    /// <exception cref="CyanstoreFormatException">A file is structurally broken (§4.3 message plus where and why).</exception>
    /// <exception cref="StoreLoadException">A file could not be read, or <c>default:default</c> is missing.</exception>
    /// <exception cref="IOException">Creating a new instance or removing leftovers failed.</exception>
    public static LoadedStore Load(string dataDir)
    {
        TreeSwap.CleanLeftovers(dataDir);
        if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            var store = LoadTree(Path.Combine(dataDir, TreeSwap.LiveName));
            CreateFolders(dataDir);
            return new LoadedStore(store, IsNewInstance: false);
        }

        var fresh = new CoreStore();
        TreeSwap.CreateDirectoryDurably(dataDir);
        _ = Flusher.FlushToLive(fresh, dataDir);
        CreateFolders(dataDir);
        return new LoadedStore(fresh, IsNewInstance: true);
    }

    // A crash while a new instance was created can leave data/ks without the other folders; creating the missing
    // ones on every start completes it (they hold nothing a load needs, and snapshots expect their parents).
    private static void CreateFolders(string dataDir)
    {
        foreach (var folder in NewInstanceFolders)
        {
            TreeSwap.CreateDirectoryDurably(Path.Combine(dataDir, folder));
        }
    }

    /// <summary>
    /// Loads one Cyanstore tree (<c>data/ks</c>, or a snapshot folder: <c>PRELOAD</c> and the keyspace folders at
    /// its top) into a new store, strictly, touching nothing on disk.
    /// </summary>
    /// <exception cref="CyanstoreFormatException">A file is structurally broken.</exception>
    /// <exception cref="StoreLoadException">A file could not be read, or <c>default:default</c> is missing.</exception>
    public static CoreStore LoadTree(string root)
    {
        var preload = ReadPreload(Path.Combine(root, TreeWriter.PreloadName));
        var order = preload.ByteOrder;
        var system = LoadSystemTables(root, order);

        // Read every PARTMAP before creating anything, so default:default is known to exist first.
        var keyspaces = new List<(string Name, List<PartmapEntry> Tables)>();
        foreach (var name in preload.Keyspaces)
        {
            if (name != CoreStore.SystemName)
            {
                keyspaces.Add((name, ReadPartmap(root, name, order, isSystem: false)));
            }
        }

        CheckDefaultTable(root, keyspaces);
        var store = new CoreStore();
        foreach (var (entry, users) in system)
        {
            var table = store.GetOrCreateSystemTable(entry.Name, entry.IsVolatile);
            foreach (var user in users)
            {
                table.Set(user.Username, user.Hash);
            }
        }

        foreach (var (name, tables) in keyspaces)
        {
            if (name != CoreStore.DefaultName)
            {
                _ = store.CreateKeyspace(name);
            }

            var keyspace = store.Keyspaces.First(k => k.Name == name);
            foreach (var entry in tables)
            {
                var table = LoadTable(store, keyspace, entry);
                if (!entry.IsVolatile)
                {
                    var path = Path.Combine(root, name, entry.Name);
                    _ = ReadFile(path, path, (table, order), static (file, name, state) =>
                        CyanstoreTableLoader.Load(file, name, state.order, state.table));
                }
            }
        }

        return store;
    }

    private static Table LoadTable(CoreStore store, Keyspace keyspace, PartmapEntry entry)
    {
        if (ReferenceEquals(keyspace, store.DefaultKeyspace) && entry.Name == CoreStore.DefaultName)
        {
            return store.DefaultTable;
        }

        _ = store.CreateTable(keyspace, entry.Name, entry.Model, entry.IsVolatile);
        return keyspace.Tables.First(t => t.Name == entry.Name);
    }

    // Upstream would crash without default:default; a fresh CoreStore always has it as keymap(binstr,binstr),
    // persistent, and no DDL can change that, so any other definition is as corrupt as a missing one.
    private static void CheckDefaultTable(string root, List<(string Name, List<PartmapEntry> Tables)> keyspaces)
    {
        var keyspace = keyspaces.FindIndex(k => k.Name == CoreStore.DefaultName);
        if (keyspace < 0)
        {
            throw new StoreLoadException(
                $"Storage engine error: file `{TreeWriter.PreloadName}` is corrupted (the keyspace `default` is missing from {Path.Combine(root, TreeWriter.PreloadName)})");
        }

        var partmap = $"{CoreStore.DefaultName}/{TreeWriter.PartmapName}";
        var table = keyspaces[keyspace].Tables.FindIndex(t => t.Name == CoreStore.DefaultName);
        if (table < 0)
        {
            throw new StoreLoadException($"Storage engine error: file `{partmap}` is corrupted (the table `default` is missing)");
        }

        var entry = keyspaces[keyspace].Tables[table];
        if (entry.IsVolatile || entry.Model != TableModel.BinstrBinstr)
        {
            throw new StoreLoadException(
                $"Storage engine error: file `{partmap}` is corrupted (the table `default` must be a persistent keymap(binstr,binstr), not model {(byte)entry.Model}{(entry.IsVolatile ? ", volatile" : string.Empty)})");
        }
    }

    private static List<(PartmapEntry Entry, List<AuthEntry> Users)> LoadSystemTables(string root, CyanstoreByteOrder order)
    {
        var tables = new List<(PartmapEntry, List<AuthEntry>)>();
        foreach (var entry in ReadPartmap(root, CoreStore.SystemName, order, isSystem: true))
        {
            if (entry.IsVolatile)
            {
                tables.Add((entry, []));
                continue;
            }

            var path = Path.Combine(root, CoreStore.SystemName, entry.Name);
            tables.Add((entry, ReadFile(path, path, order, static (file, name, order) => AuthTableFile.Read(file, name, order))));
        }

        return tables;
    }

    private static PreloadContents ReadPreload(string path)
    {
        try
        {
            return ReadFile(path, TreeWriter.PreloadName, 0, static (file, name, _) => PreloadFile.Read(file, name));
        }
        catch (CyanstoreFormatException error) when (error.Kind == CyanstoreErrorKind.BadMetadata)
        {
            // Upstream names the file in lower case in this one message (§4.3).
            throw new CyanstoreFormatException(error.Kind, "preload", error.Offset, error.Reason);
        }
    }

    private static List<PartmapEntry> ReadPartmap(string root, string keyspace, CyanstoreByteOrder order, bool isSystem)
    {
        var path = Path.Combine(root, keyspace, TreeWriter.PartmapName);
        var name = $"{keyspace}/{TreeWriter.PartmapName}";
        return ReadFile(path, name, (order, isSystem), static (file, name, state) => PartmapFile.Read(file, name, state.order, state.isSystem));
    }

    // Opens and decodes one file; an I/O fault while opening or reading is fatal with upstream's message, which
    // names the file by its path (PRELOAD by its name alone). The decoders buffer themselves, so the FileStream
    // does not (buffer size 1 disables its buffer).
    private static T ReadFile<TState, T>(string path, string name, TState state, Func<FileStream, string, TState, T> read)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return read(file, name, state);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var what = name == TreeWriter.PreloadName ? name : $"file {path}";
            throw new StoreLoadException($"Storage engine error: I/O error while reading {what}: {OsErrorText(error)}", error);
        }
    }

    // Rust prints an io::Error as "strerror (os error N)"; .NET keeps the errno in HResult for the general case.
    private static string OsErrorText(Exception error)
    {
        int? errno = error switch
        {
            FileNotFoundException or DirectoryNotFoundException => 2,
            UnauthorizedAccessException => 13,
            IOException io when io.HResult is > 0 and < 4096 => io.HResult,
            _ => null,
        };
        return errno is { } number ? NativeMethods.Describe(number) : error.Message;
    }
}
