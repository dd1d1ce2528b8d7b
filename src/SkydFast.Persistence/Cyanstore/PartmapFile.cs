using SkydFast.Store;

namespace SkydFast.Persistence.Cyanstore;

/// <summary>One table of a <c>PARTMAP</c>.</summary>
/// <param name="Name">The table's name (at most 64 bytes).</param>
/// <param name="IsVolatile">Storage byte 1: the table is recreated empty on load and has no data file.</param>
/// <param name="Model">The model code byte.</param>
public readonly record struct PartmapEntry(string Name, bool IsVolatile, TableModel Model);

/// <summary>The <c>PARTMAP</c> file of a keyspace (persistence-and-config.md §2.2).</summary>
public static class PartmapFile
{
    private const byte HighestModel = (byte)TableModel.StrListStr;

    /// <summary>Encodes <paramref name="tables"/> little endian; names must be distinct and at most 64 bytes.</summary>
    public static void Write(Stream stream, IReadOnlyCollection<PartmapEntry> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (!seen.Add(table.Name))
            {
                throw new ArgumentException($"table `{table.Name}` is listed twice", nameof(tables));
            }

            if ((byte)table.Model > HighestModel)
            {
                throw new ArgumentException($"table `{table.Name}` has no model code {(byte)table.Model}", nameof(tables));
            }
        }

        using var output = new CyanstoreWriter(stream);
        output.WriteU64((ulong)seen.Count);
        foreach (var table in tables)
        {
            output.WriteName(table.Name, CyanstoreLimits.MaxNameLength, "table name");
            output.WriteByte(table.IsVolatile ? (byte)1 : (byte)0);
            output.WriteByte((byte)table.Model);
        }

        output.Flush();
    }

    /// <summary>
    /// Decodes a PARTMAP strictly in the directory's byte order. In the system keyspace
    /// (<paramref name="isSystem"/>) the only valid model is 0, the auth table.
    /// </summary>
    /// <exception cref="CyanstoreFormatException">The file breaks a rule of §2.2.</exception>
    public static List<PartmapEntry> Read(Stream stream, string path, CyanstoreByteOrder order, bool isSystem)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CyanstoreReader(stream, path, order);
        var count = reader.ReadU64("table count");
        var tables = new List<PartmapEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ulong i = 0; i < count; i++)
        {
            reader.SetEntry("table", i, count);
            var start = reader.Offset;
            var name = reader.ReadName("name length", "name", CyanstoreLimits.MaxNameLength);
            if (!seen.Add(name))
            {
                throw reader.Corrupted(start, $"table `{name}` is listed twice");
            }

            var storageOffset = reader.Offset;
            var storage = reader.ReadByte("storage byte");
            if (storage > 1)
            {
                throw reader.Corrupted(storageOffset, $"storage byte {storage} of table `{name}` is neither 0 (persistent) nor 1 (volatile)");
            }

            var modelOffset = reader.Offset;
            var model = reader.ReadByte("model byte");
            if (model > HighestModel)
            {
                throw reader.BadMetadata(modelOffset, $"model byte {model} of table `{name}` is not a model code 0-7");
            }

            if (isSystem && model != 0)
            {
                throw reader.BadMetadata(modelOffset, $"system table `{name}` has model {model}, only 0 (auth) is valid");
            }

            tables.Add(new PartmapEntry(name, storage == 1, (TableModel)model));
        }

        reader.ClearContext();
        reader.ExpectEnd(count);
        return tables;
    }
}
