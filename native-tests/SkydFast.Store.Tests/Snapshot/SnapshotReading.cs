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
}
