namespace SkydFast.Persistence.Cyanstore;

/// <summary>Encodes a key/value table file (persistence-and-config.md §2.3), little endian.</summary>
public sealed class KvTableWriter : CyanstoreTableWriter
{
    /// <summary>Creates a writer that encodes into <paramref name="stream"/>.</summary>
    public KvTableWriter(Stream stream)
        : base(stream)
    {
    }

    /// <summary>Writes one entry: <c>[u64 klen][u64 vlen][key][value]</c>.</summary>
    public void Write(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        CountEntry();
        Output.WriteU64((ulong)key.Length);
        Output.WriteU64((ulong)value.Length);
        Output.Write(key);
        Output.Write(value);
    }
}
