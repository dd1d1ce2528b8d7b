namespace SkydFast.Persistence.Cyanstore;

/// <summary>The decoded <c>PRELOAD</c>: the byte order of the data directory and its keyspaces.</summary>
/// <param name="ByteOrder">The order its marker declares; it governs every other file of the directory.</param>
/// <param name="Keyspaces">Every keyspace, <c>system</c> included, in file order.</param>
public sealed record PreloadContents(CyanstoreByteOrder ByteOrder, IReadOnlyList<string> Keyspaces);

/// <summary>The <c>PRELOAD</c> file (persistence-and-config.md §2.1): marker, then the keyspace names.</summary>
public static class PreloadFile
{
    // Upstream refuses a PRELOAD shorter than this before looking at the marker.
    private const int MinimumSize = 16;

    /// <summary>
    /// Encodes <paramref name="keyspaces"/> little endian (marker 0x80). The names must be distinct, at most 64
    /// bytes each, and include <c>system</c>: a PRELOAD without it cannot be loaded.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyCollection<string> keyspaces)
    {
        ArgumentNullException.ThrowIfNull(keyspaces);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in keyspaces)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"keyspace `{name}` is listed twice", nameof(keyspaces));
            }
        }

        if (!seen.Contains(CyanstoreLimits.SystemKeyspace))
        {
            throw new ArgumentException("PRELOAD must list the `system` keyspace", nameof(keyspaces));
        }

        using var output = new CyanstoreWriter(stream);
        output.WriteByte((byte)CyanstoreByteOrder.LittleEndian);
        output.WriteU64((ulong)seen.Count);
        foreach (var name in keyspaces)
        {
            output.WriteName(name, CyanstoreLimits.MaxNameLength, "keyspace name");
        }

        output.Flush();
    }

    /// <summary>Decodes a PRELOAD strictly; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="CyanstoreFormatException">The file breaks a rule of §2.1.</exception>
    public static PreloadContents Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CyanstoreReader(stream, path, CyanstoreByteOrder.LittleEndian);
        var size = reader.Prefetch(MinimumSize);
        if (size < MinimumSize)
        {
            throw reader.Corrupted(size, $"the file has {size} bytes, a PRELOAD has at least {MinimumSize}");
        }

        var marker = reader.ReadByte("marker");
        if (marker is not ((byte)CyanstoreByteOrder.LittleEndian or (byte)CyanstoreByteOrder.BigEndian))
        {
            throw reader.BadMetadata(0, $"marker byte 0x{marker:x2} is neither 0x80 (little endian) nor 0x81 (big endian)");
        }

        var order = (CyanstoreByteOrder)marker;
        reader.ByteOrder = order;
        var count = reader.ReadU64("keyspace count");
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ulong i = 0; i < count; i++)
        {
            reader.SetEntry("keyspace", i, count);
            var start = reader.Offset;
            var name = reader.ReadName("name length", "name", CyanstoreLimits.MaxNameLength);
            if (!seen.Add(name))
            {
                throw reader.Corrupted(start, $"keyspace `{name}` is listed twice");
            }

            names.Add(name);
        }

        reader.ClearContext();
        reader.ExpectEnd(count);
        if (!seen.Contains(CyanstoreLimits.SystemKeyspace))
        {
            throw reader.Corrupted(reader.Offset, "the keyspace `system` is missing");
        }

        return new PreloadContents(order, names);
    }
}
