using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Flush;

/// <summary>
/// Writes one <see cref="StoreSnapshot"/> as a complete Cyanstore 1A tree (persistence-and-config.md §1, §3.2):
/// <c>PRELOAD</c> listing every user-visible keyspace (<c>system</c> included), then per keyspace its
/// <c>PARTMAP</c> and the data file of every persistent table (a volatile table is listed, but has no file), and
/// last <c>system/PARTMAP</c> with the hidden system tables. Every file goes through <see cref="AtomicFile"/>;
/// entries stream from the snapshot through the encoder's pooled buffer, never materialised.
/// </summary>
public static class TreeWriter
{
    /// <summary>The keyspace list's file name.</summary>
    public const string PreloadName = "PRELOAD";

    /// <summary>The table list's file name in every keyspace folder.</summary>
    public const string PartmapName = "PARTMAP";

    /// <summary>
    /// Writes <paramref name="snapshot"/> under <paramref name="root"/> (created if missing). Tables a user made
    /// inside the <c>system</c> placeholder are not written (model-and-ddl.md §1): its PARTMAP lists only the
    /// hidden system tables, none until auth exists (issue 5), so it is the empty PARTMAP of §2.6.
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

        AtomicFile.Write(Path.Combine(root, PreloadName), names, static (stream, list) => PreloadFile.Write(stream, list));
        foreach (var keyspace in snapshot.Keyspaces)
        {
            if (keyspace.Name != CoreStore.SystemName)
            {
                WriteKeyspace(keyspace, Path.Combine(root, keyspace.Name));
            }
        }

        AtomicFile.Write(
            Path.Combine(root, CoreStore.SystemName, PartmapName),
            static stream => PartmapFile.Write(stream, Array.Empty<PartmapEntry>()));
    }

    private static void WriteKeyspace(KeyspaceSnapshot keyspace, string folder)
    {
        var entries = new PartmapEntry[keyspace.Tables.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var table = keyspace.Tables[i];
            entries[i] = new PartmapEntry(table.Name, table.IsVolatile, table.Model);
        }

        AtomicFile.Write(Path.Combine(folder, PartmapName), entries, static (stream, list) => PartmapFile.Write(stream, list));
        foreach (var table in keyspace.Tables)
        {
            if (!table.IsVolatile)
            {
                AtomicFile.Write(Path.Combine(folder, table.Name), table, WriteTable);
            }
        }
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
