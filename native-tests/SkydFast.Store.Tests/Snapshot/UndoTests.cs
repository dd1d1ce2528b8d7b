using static SkydFast.Store.Tests.Snapshot.SnapshotReading;

namespace SkydFast.Store.Tests.Snapshot;

/// <summary>
/// Several changes to one key after the cut: only the first is recorded in the shard's undo table, and the view
/// must still show each key exactly as it was at the cut, whatever the sequence and wherever the reader is.
/// </summary>
public sealed class UndoTests
{
    private const int Keys = 200;

    /// <summary>
    /// Each letter is one write to the key: <c>u</c> update (or upsert if absent), <c>r</c> remove, <c>i</c> insert
    /// (only when absent). Applied to every stored key, and to as many keys that did not exist at the cut.
    /// </summary>
    public static TheoryData<string, bool> Sequences()
    {
        var data = new TheoryData<string, bool>();
        foreach (var sequence in new[] { "uu", "ur", "ri", "riu", "rir", "iu", "ir", "uuru", "rrii" })
        {
            data.Add(sequence, false);
            data.Add(sequence, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void AnySequenceOfChangesLeavesTheViewAsItWasAtTheCut(string sequence, bool readerMidway)
    {
        var (store, map) = StoreWithKeys();
        using var snapshot = store.TakeSnapshot();
        var view = Find(snapshot, "ks", "t");
        if (readerMidway)
        {
            Assert.Equal(Original(), ReadWhileWriting(view, () => ApplyToAll(map, sequence)));
        }
        else
        {
            ApplyToAll(map, sequence);
            Assert.Equal(Original(), Values(view));
        }
    }

    [Fact]
    public void AClearAfterSingleChangesKeepsTheCutNotTheChangedState()
    {
        // Clear keeps the whole shard; the keys already changed must get their values at the cut back in that copy.
        var (store, map) = StoreWithKeys();
        using var snapshot = store.TakeSnapshot();
        for (var i = 0; i < Keys; i += 3)
        {
            Assert.True(map.Remove(B($"k{i}")));
            Assert.True(map.TryUpdate(B($"k{i + 1}"), B("changed")));
            Assert.True(map.TryInsert(B($"new{i}"), B("x")));
        }

        map.Clear();
        map.Upsert(B("k5"), B("after the clear"));
        Assert.Equal(Original(), Values(Find(snapshot, "ks", "t")));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void ListsRemovedReinsertedOrChangedAfterTheCutReadAsTheyWere()
    {
        var (store, table) = SnapshotReading.StoreWithKeys(Keys, TableModel.StrListStr);
        var lists = table.Lists!;
        using var snapshot = store.TakeSnapshot();
        for (var i = 0; i < Keys; i++)
        {
            var key = B($"k{i}");
            switch (i % 4)
            {
                case 0:
                    // Changed in place, then removed: the view needs the elements from before the change.
                    ChangeInPlace(lists, key);
                    Assert.True(lists.Remove(key));
                    break;
                case 1:
                    Assert.True(lists.Remove(key));
                    Assert.True(lists.TryInsert(key, new StoredList([B("again")])));
                    ChangeInPlace(lists, key);
                    break;
                case 2:
                    ChangeInPlace(lists, key);
                    ChangeInPlace(lists, key);
                    break;
                default:
                    lists.Upsert(key, new StoredList([]));
                    break;
            }

            Assert.True(lists.TryInsert(B($"new{i}"), new StoredList([B("x")])));
            ChangeInPlace(lists, B($"new{i}"));
        }

        var expected = Enumerable.Range(0, Keys).ToDictionary(i => $"k{i}", i => new[] { $"a{i}", $"b{i}" }, StringComparer.Ordinal);
        Assert.Equal(expected, Lists(Find(snapshot, "ks", "t")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AShardWithManyChangesIsKeptWholeAsItWasAtTheCut(bool lists)
    {
        // About 1,560 keys per shard: past a quarter of them changed, a shard's records give way to a whole copy of
        // it, which must hold the cut's state of the keys recorded before it and of the keys changed after it alike.
        const int keys = 100_000;
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "t", lists ? TableModel.StrListStr : TableModel.StrStr, isVolatile: false));
        var table = keyspace.GetTable("t"u8)!;
        for (var i = 0; i < keys; i++)
        {
            if (lists)
            {
                Assert.True(table.Lists!.TryInsert(B($"k{i}"), new StoredList([B($"a{i}"), B($"b{i}")])));
            }
            else
            {
                Assert.True(table.Kv!.TryInsert(B($"k{i}"), B($"v{i}")));
            }
        }

        using var snapshot = store.TakeSnapshot();
        for (var i = 0; i < keys; i++)
        {
            var key = B($"k{i}");
            if (lists)
            {
                ChangeInPlace(table.Lists!, key);
                Assert.True(table.Lists!.TryInsert(B($"new{i}"), new StoredList([B("x")])));
            }
            else
            {
                Assert.True(i % 2 == 0 ? table.Kv!.Remove(key) : table.Kv!.TryUpdate(key, B("changed")));
                Assert.True(table.Kv!.TryInsert(B($"new{i}"), B("x")));
            }
        }

        var view = Find(snapshot, "ks", "t");
        if (lists)
        {
            var expected = Enumerable.Range(0, keys).ToDictionary(i => $"k{i}", i => new[] { $"a{i}", $"b{i}" }, StringComparer.Ordinal);
            Assert.Equal(expected, Lists(view));
        }
        else
        {
            Assert.Equal(OriginalValues(keys), Values(view));
        }
    }

    [Fact]
    public void TheNextViewShowsTheLiveStateAfterChangesRecordedForTheLastOne()
    {
        // A recorded change must not outlive its view: the next cut starts with empty undo tables.
        var (store, map) = StoreWithKeys();
        using (store.TakeSnapshot())
        {
            Assert.True(map.TryUpdate(B("k1"), B("during")));
            Assert.True(map.Remove(B("k2")));
        }

        using var snapshot = store.TakeSnapshot();
        var values = Values(Find(snapshot, "ks", "t"));
        Assert.Equal("during", values["k1"]);
        Assert.False(values.ContainsKey("k2"));
        Assert.Equal(Keys - 1, values.Count);
    }

    private static void ChangeInPlace(ShardedMap<StoredList> lists, byte[] key)
    {
        using (lists.LockShardOf(key))
        {
            Assert.True(lists.TryGetForWriteLocked(key, out var list));
            list.Items.Add(B("pushed"));
            list.Items.RemoveAt(0);
        }
    }

    private static (CoreStore Store, ShardedMap<byte[]> Map) StoreWithKeys()
    {
        var (store, table) = SnapshotReading.StoreWithKeys(Keys, TableModel.StrStr);
        return (store, table.Kv!);
    }

    private static Dictionary<string, string> Original() => OriginalValues(Keys);

    private static void ApplyToAll(ShardedMap<byte[]> map, string sequence)
    {
        for (var i = 0; i < Keys; i++)
        {
            foreach (var key in new[] { B($"k{i}"), B($"fresh{i}") })
            {
                var n = 0;
                foreach (var op in sequence)
                {
                    var value = B($"w{n++}");
                    switch (op)
                    {
                        case 'u':
                            map.Upsert(key, value);
                            break;
                        case 'r':
                            map.Remove(key);
                            break;
                        default:
                            map.TryInsert(key, value);
                            break;
                    }
                }
            }
        }
    }
}
