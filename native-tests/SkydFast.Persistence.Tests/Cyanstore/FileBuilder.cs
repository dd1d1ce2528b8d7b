using System.Buffers.Binary;
using System.Text;
using SkydFast.Persistence.Cyanstore;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>
/// Builds Cyanstore files by hand in either byte order (the library writes little endian only) and records where
/// every field starts, so a test knows the offset a truncated file must be reported at.
/// </summary>
internal sealed class FileBuilder(CyanstoreByteOrder order = CyanstoreByteOrder.LittleEndian)
{
    private readonly List<byte> _bytes = [];

    public List<int> FieldStarts { get; } = [];

    public int Length => _bytes.Count;

    public FileBuilder Byte(byte value)
    {
        FieldStarts.Add(_bytes.Count);
        _bytes.Add(value);
        return this;
    }

    public FileBuilder U64(ulong value)
    {
        FieldStarts.Add(_bytes.Count);
        Span<byte> bytes = stackalloc byte[8];
        if (order == CyanstoreByteOrder.BigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        }

        _bytes.AddRange(bytes);
        return this;
    }

    public FileBuilder Raw(ReadOnlySpan<byte> value)
    {
        if (value.Length > 0)
        {
            FieldStarts.Add(_bytes.Count);
        }

        _bytes.AddRange(value);
        return this;
    }

    public FileBuilder Name(string name) => U64((ulong)name.Length).Raw(Encoding.Latin1.GetBytes(name));

    public FileBuilder Preload(params string[] keyspaces)
    {
        Byte((byte)order).U64((ulong)keyspaces.Length);
        foreach (var keyspace in keyspaces)
        {
            Name(keyspace);
        }

        return this;
    }

    public FileBuilder Partmap(params PartmapEntry[] tables)
    {
        U64((ulong)tables.Length);
        foreach (var table in tables)
        {
            Name(table.Name).Byte(table.IsVolatile ? (byte)1 : (byte)0).Byte((byte)table.Model);
        }

        return this;
    }

    public FileBuilder Kv(IReadOnlyList<(byte[] Key, byte[] Value)> entries)
    {
        U64((ulong)entries.Count);
        foreach (var (key, value) in entries)
        {
            U64((ulong)key.Length).U64((ulong)value.Length).Raw(key).Raw(value);
        }

        return this;
    }

    public FileBuilder Lists(IReadOnlyList<(byte[] Name, List<byte[]> Elements)> lists)
    {
        U64((ulong)lists.Count);
        foreach (var (name, elements) in lists)
        {
            U64((ulong)name.Length).Raw(name).U64((ulong)elements.Count);
            foreach (var element in elements)
            {
                U64((ulong)element.Length).Raw(element);
            }
        }

        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
