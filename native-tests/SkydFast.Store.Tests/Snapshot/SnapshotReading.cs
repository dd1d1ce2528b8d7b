using System.Text;

namespace SkydFast.Store.Tests.Snapshot;

/// <summary>Reads a snapshot's tables into plain collections, checking the count declared before the entries.</summary>
internal static class SnapshotReading
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    public static string S(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static TableSnapshot Find(StoreSnapshot snapshot, string keyspace, string table) =>
        snapshot.Keyspaces.Single(k => k.Name == keyspace).Tables.Single(t => t.Name == table);

    /// <summary>Every entry of a key/value table; asserts the count declared up front equals what was read.</summary>
    public static Dictionary<string, string> Values(TableSnapshot table)
    {
        var declared = table.Count;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table)
        {
            Assert.True(entry.Elements.IsEmpty);
            entries.Add(S(entry.Key), S(entry.Value));
        }

        Assert.Equal(declared, entries.Count);
        return entries;
    }

    /// <summary>Every list of a list table; asserts the count declared up front equals what was read.</summary>
    public static Dictionary<string, string[]> Lists(TableSnapshot table)
    {
        var declared = table.Count;
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in table)
        {
            var elements = new string[entry.Elements.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                elements[i] = S(entry.Elements[i]);
            }

            entries.Add(S(entry.Key), elements);
        }

        Assert.Equal(declared, entries.Count);
        return entries;
    }

    /// <summary>
    /// A store with table <c>ks:t</c> of <paramref name="model"/> holding keys <c>k0..</c>: each value <c>v{i}</c>,
    /// or each list <c>[a{i}, b{i}]</c>.
    /// </summary>
    public static (CoreStore Store, Table Table) StoreWithKeys(int keys, TableModel model)
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "t", model, isVolatile: false));
        var table = keyspace.GetTable("t"u8)!;
        for (var i = 0; i < keys; i++)
        {
            if (table.Kv is not null)
            {
                Assert.True(table.Kv.TryInsert(B($"k{i}"), B($"v{i}")));
            }
            else
            {
                Assert.True(table.Lists!.TryInsert(B($"k{i}"), new StoredList([B($"a{i}"), B($"b{i}")])));
            }
        }

        return (store, table);
    }

    /// <summary>The values <see cref="StoreWithKeys"/> stores in a key/value table.</summary>
    public static Dictionary<string, string> OriginalValues(int keys) =>
        Enumerable.Range(0, keys).ToDictionary(i => $"k{i}", i => $"v{i}", StringComparer.Ordinal);

    /// <summary>
    /// Every entry of a key/value table, with <paramref name="write"/> run once right after the first entry is read,
    /// so it changes the shard being read, the ones passed and the ones ahead; asserts the declared count.
    /// </summary>
    public static Dictionary<string, string> ReadWhileWriting(TableSnapshot table, Action write)
    {
        var declared = table.Count;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table)
        {
            seen.Add(S(entry.Key), S(entry.Value));
            if (seen.Count == 1)
            {
                write();
            }
        }

        Assert.Equal(declared, seen.Count);
        return seen;
    }
}
