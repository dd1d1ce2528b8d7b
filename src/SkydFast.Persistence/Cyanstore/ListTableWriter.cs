namespace SkydFast.Persistence.Cyanstore;

/// <summary>Encodes a list table file (persistence-and-config.md §2.4), little endian.</summary>
public sealed class ListTableWriter : CyanstoreTableWriter
{
    /// <summary>Creates a writer that encodes into <paramref name="stream"/>.</summary>
    public ListTableWriter(Stream stream)
        : base(stream)
    {
    }

    /// <summary>
    /// Writes one list: <c>[u64 nlen][name][u64 M] M × ([u64 elen][element])</c>. A <see cref="List{T}"/> passes
    /// its elements without copying through <c>CollectionsMarshal.AsSpan</c>.
    /// </summary>
    public void Write(ReadOnlySpan<byte> name, ReadOnlySpan<byte[]> elements)
    {
        CountEntry();
        Output.WriteU64((ulong)name.Length);
        Output.Write(name);
        Output.WriteU64((ulong)elements.Length);
        foreach (var element in elements)
        {
            Output.WriteU64((ulong)element.Length);
            Output.Write(element);
        }
    }
}
