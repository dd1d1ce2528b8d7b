using SkydFast.Store;

namespace SkydFast.Persistence.Cyanstore;

/// <summary>
/// Decodes a table file straight into a <see cref="Table"/>, in one pass without an intermediate list. As
/// upstream: a repeated key of a key/value table keeps the last value, a repeated list name keeps the first list.
/// </summary>
public static class CyanstoreTableLoader
{
    /// <summary>Loads the file of <paramref name="table"/> (§2.3 or §2.4 by its model); returns the declared count.</summary>
    /// <exception cref="CyanstoreFormatException">The file breaks a rule of its format.</exception>
    public static ulong Load(Stream stream, string path, CyanstoreByteOrder order, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Lists is { } lists)
        {
            var listSink = new FirstListWins(lists);
            return ListTableReader.Read(stream, path, order, ref listSink);
        }

        var kvSink = new LastValueWins(table.Kv!);
        return KvTableReader.Read(stream, path, order, ref kvSink);
    }

    private readonly struct LastValueWins(ShardedMap<byte[]> map) : IKvEntrySink
    {
        public void Add(ReadOnlySpan<byte> key, byte[] value) => map.Upsert(key, value);

        public void Reserve(long entries) => map.Reserve(entries);
    }

    private readonly struct FirstListWins(ShardedMap<StoredList> map) : IListEntrySink
    {
        public void Add(ReadOnlySpan<byte> name, List<byte[]> elements) => map.TryInsert(name, new StoredList(elements));
    }
}
