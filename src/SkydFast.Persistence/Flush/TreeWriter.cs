using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Flush;

/// <summary>
/// Writes one <see cref="StoreSnapshot"/> as a complete Cyanstore 1A tree (persistence-and-config.md §1, §3.2):
/// <c>PRELOAD</c> listing every user-visible keyspace (<c>system</c> included), then per keyspace its
/// <c>PARTMAP</c> and the data file of every persistent table (a volatile table is listed, but has no file), and
/// last <c>system/PARTMAP</c> with the hidden system tables. Every file is written as <see cref="AtomicFile"/> does;
/// entries stream from the snapshot through the encoder's pooled buffer, never materialised.
/// </summary>
public static class TreeWriter
{
    /// <summary>The keyspace list's file name.</summary>
    public const string PreloadName = "PRELOAD";

    /// <summary>The table list's file name in every keyspace folder.</summary>
    public const string PartmapName = "PARTMAP";

    // The encoders fill their own pooled 64 KiB buffer and hand it over whole; a file buffer smaller than that
    // passes every full chunk straight to pwrite, so each byte is copied once (only small files use this buffer).
    private const int FileBufferSize = 4096;

    /// <summary>
    /// Writes <paramref name="snapshot"/> under <paramref name="root"/> (created if missing). Tables a user made
    /// inside the <c>system</c> placeholder are not written (model-and-ddl.md §1): its PARTMAP lists only the
    /// hidden system tables (<c>auth</c>), so before auth was ever enabled it is the empty PARTMAP of §2.6.
    /// </summary>
    /// <exception cref="IOException">The first I/O fault aborts the write.</exception>
    public static void Write(StoreSnapshot snapshot, string root)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var names = new List<string>(snapshot.Keyspaces.Count + 1) { CoreStore.SystemName };
        foreach (var keyspace in snapshot.Keyspaces)
        {
            if (keyspace.Name != CoreStore.SystemName)
            {
                names.Add(keyspace.Name);
            }
        }

        Directory.CreateDirectory(root);
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.Combine(root, name));
        }

        WriteFile(Path.Combine(root, PreloadName), names, static (stream, list) => PreloadFile.Write(stream, list));
        foreach (var keyspace in snapshot.Keyspaces)
        {
            if (keyspace.Name != CoreStore.SystemName)
            {
                WriteKeyspace(keyspace, Path.Combine(root, keyspace.Name));
            }
        }

        WriteSystemKeyspace(snapshot.SystemTables, Path.Combine(root, CoreStore.SystemName));
    }

    // §3.2 step 3: the hidden system tables replace the placeholder's (empty) table list. Model byte 0 is the only
    // one a system PARTMAP may hold; each persistent table's file has the auth layout of §2.5.
    private static void WriteSystemKeyspace(IReadOnlyList<SystemTableSnapshot> tables, string folder)
    {
        var entries = tables.Select(static t => new PartmapEntry(t.Name, t.IsVolatile, TableModel.BinstrBinstr)).ToArray();
        WriteFile(Path.Combine(folder, PartmapName), entries, static (stream, list) => PartmapFile.Write(stream, list));
        foreach (var table in tables)
        {
            if (!table.IsVolatile)
            {
                WriteFile(Path.Combine(folder, table.Name), table, static (stream, table) =>
                {
                    using var users = new AuthTableWriter(stream);
                    users.Begin((ulong)table.Entries.Count);
                    foreach (var (username, hash) in table.Entries)
                    {
                        users.Write(username, hash);
                    }

                    users.End();
                });
            }
        }
    }

    private static void WriteKeyspace(KeyspaceSnapshot keyspace, string folder)
    {
        var entries = new PartmapEntry[keyspace.Tables.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var table = keyspace.Tables[i];
            entries[i] = new PartmapEntry(table.Name, table.IsVolatile, table.Model);
        }

        WriteFile(Path.Combine(folder, PartmapName), entries, static (stream, list) => PartmapFile.Write(stream, list));
        foreach (var table in keyspace.Tables)
        {
            if (!table.IsVolatile)
            {
                using var file = AtomicFileStream.CreateLarge(Path.Combine(folder, table.Name));
                WriteTable(file, table);
                file.Commit();
            }
        }
    }

    // AtomicFile.Write's protocol (temp file, fsync, rename, directory fsync) with the small file buffer.
    private static void WriteFile<TState>(string path, TState state, Action<AtomicFileStream, TState> write)
    {
        using var file = AtomicFileStream.Create(path, FileBufferSize);
        write(file, state);
        file.Commit();
    }

    // The count is known before the first entry (the snapshot counted it at the cut), so the file streams front to
    // back in one pass; the writer's End() proves the count matched the entries (DECISIONS.md 12).
    private static void WriteTable(Stream stream, TableSnapshot table)
    {
        if (table.Model.IsList())
        {
            using var lists = new ListTableWriter(stream);
            lists.Begin((ulong)table.Count);
            foreach (var entry in table)
            {
                lists.Write(entry.Key, entry.Elements);
            }

            lists.End();
            return;
        }

        using var kv = new KvTableWriter(stream);
        kv.Begin((ulong)table.Count);
        foreach (var entry in table)
        {
            kv.Write(entry.Key, entry.Value);
        }

        kv.End();
    }
}
