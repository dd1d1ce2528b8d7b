namespace SkydFast.Persistence.Cyanstore;

/// <summary>Decodes a key/value table file (persistence-and-config.md §2.3) strictly, entry by entry.</summary>
public static class KvTableReader
{
    /// <summary>
    /// Streams every entry into <paramref name="sink"/> (a struct sink is specialised, not boxed) and returns the
    /// declared count. The count reserves room in the sink only as far as the rest of the file could hold that many
    /// entries (each at least its two 8-byte lengths), so a forged count allocates no more than the file's size.
    /// </summary>
    /// <exception cref="CyanstoreFormatException">Truncation, trailing bytes or an impossible length.</exception>
    public static ulong Read<TSink>(Stream stream, string path, CyanstoreByteOrder order, ref TSink sink)
        where TSink : IKvEntrySink
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CyanstoreReader(stream, path, order);
        var count = reader.ReadU64("entry count");
        if (reader.Remaining > 0)
        {
            sink.Reserve((long)Math.Min(count, (ulong)reader.Remaining / (2 * sizeof(ulong))));
        }

        for (ulong i = 0; i < count; i++)
        {
            reader.SetEntry("entry", i, count);
            var keyLength = reader.ReadU64("key length");
            var valueLength = reader.ReadU64("value length");
            var key = reader.ReadScratch(keyLength, "key");
            sink.Add(key, reader.ReadBytes(valueLength, "value"));
        }

        reader.ClearContext();
        reader.ExpectEnd(count);
        return count;
    }
}
