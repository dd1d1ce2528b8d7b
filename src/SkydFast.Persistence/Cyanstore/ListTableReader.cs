namespace SkydFast.Persistence.Cyanstore;

/// <summary>Decodes a list table file (persistence-and-config.md §2.4) strictly, list by list.</summary>
public static class ListTableReader
{
    /// <summary>
    /// Streams every list into <paramref name="sink"/> and returns the declared count. Neither the list count
    /// nor an element count pre-allocates: a forged one fails at the end of the file.
    /// </summary>
    /// <exception cref="CyanstoreFormatException">Truncation, trailing bytes or an impossible length.</exception>
    public static ulong Read<TSink>(Stream stream, string path, CyanstoreByteOrder order, ref TSink sink)
        where TSink : IListEntrySink
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CyanstoreReader(stream, path, order);
        var count = reader.ReadU64("list count");
        for (ulong i = 0; i < count; i++)
        {
            reader.SetEntry("list", i, count);
            var name = reader.ReadScratch(reader.ReadU64("name length"), "name");
            var elementCount = reader.ReadU64("element count");
            var elements = new List<byte[]>();
            for (ulong j = 0; j < elementCount; j++)
            {
                reader.SetElement(j, elementCount);
                elements.Add(reader.ReadBytes(reader.ReadU64("length"), "bytes"));
            }

            // Elements are fresh arrays, so the name's scratch bytes are still intact here.
            reader.SetEntry("list", i, count);
            sink.Add(name, elements);
        }

        reader.ClearContext();
        reader.ExpectEnd(count);
        return count;
    }
}
