using static SkydFast.Store.Tests.Snapshot.SnapshotReading;

namespace SkydFast.Store.Tests.Snapshot;

/// <summary>The point-in-time view of the store, one thread at a time: what it holds, and what it never sees.</summary>
public sealed class StoreSnapshotTests
{
    private const int Keys = 300;

    /// <summary>Every write path of <see cref="ShardedMap{TValue}"/>, each applied to every key after the cut.</summary>
    public enum WritePath
    {
        Upsert,
        TryUpdate,
        TryUpdateFactory,
        Remove,
        TryRemove,
        TryInsertNew,
        TryInsertNewFactory,
        Clear,
        UpsertLocked,
        RemoveLocked,
        TryRemoveLocked,
        TryInsertLockedNew,
    }

    private static (CoreStore Store, Table Table) StoreWithKeys(string model = "kv") =>
        SnapshotReading.StoreWithKeys(Keys, model == "kv" ? TableModel.StrStr : TableModel.StrListStr);

    private static Dictionary<string, string> Original() => OriginalValues(Keys);

    private static void Apply(ShardedMap<byte[]> map, WritePath path, int i)
    {
        var key = B($"k{i}");
        var fresh = B($"new{i}");
        switch (path)
        {
            case WritePath.Upsert:
                map.Upsert(key, B("x"));
                break;
            case WritePath.TryUpdate:
                Assert.True(map.TryUpdate(key, B("x")));
                break;
            case WritePath.TryUpdateFactory:
                Assert.True(map.TryUpdate(key, 0, static _ => B("x")));
                break;
            case WritePath.Remove:
                Assert.True(map.Remove(key));
                break;
            case WritePath.TryRemove:
                Assert.True(map.TryRemove(key, out _));
                break;
            case WritePath.TryInsertNew:
                Assert.True(map.TryInsert(fresh, B("x")));
                break;
            case WritePath.TryInsertNewFactory:
                Assert.True(map.TryInsert(fresh, 0, static _ => B("x")));
                break;
            case WritePath.Clear:
                map.Clear();
                break;
            case WritePath.UpsertLocked:
                using (map.LockShardOf(key))
                {
                    map.UpsertLocked(key, B("x"));
                }

                break;
            case WritePath.RemoveLocked:
                using (map.LockShardOf(key))
                {
                    Assert.True(map.RemoveLocked(key));
                }

                break;
            case WritePath.TryRemoveLocked:
                using (map.LockShardOf(key))
                {
                    Assert.True(map.TryRemoveLocked(key, out _));
                }

                break;
            case WritePath.TryInsertLockedNew:
                using (map.LockShardOf(fresh))
                {
                    Assert.True(map.TryInsertLocked(fresh, B("x")));
                }

                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllWritePaths))]
    public void EveryWritePathAfterTheCutLeavesTheViewAsItWas(WritePath path)
    {
        var (store, table) = StoreWithKeys();
        using var snapshot = store.TakeSnapshot();
        for (var i = 0; i < Keys; i++)
        {
            Apply(table.Kv!, path, i);
        }

        Assert.Equal(Original(), Values(Find(snapshot, "ks", "t")));
    }

    [Theory]
    [MemberData(nameof(AllWritePaths))]
    public void WritesAfterTheReaderPassedAShardAreNotSeenEither(WritePath path)
    {
        var (store, table) = StoreWithKeys();
        using var snapshot = store.TakeSnapshot();
        var seen = ReadWhileWriting(Find(snapshot, "ks", "t"), () =>
        {
            // Mid-walk: the shard being read, the ones passed and the ones ahead all change.
            for (var i = 0; i < Keys; i++)
            {
                Apply(table.Kv!, path, i);
            }
        });

        Assert.Equal(Original(), seen);
    }

    public static TheoryData<WritePath> AllWritePaths() => [.. Enum.GetValues<WritePath>()];

    [Fact]
    public void ListChangesInPlaceAfterTheCutLeaveTheViewAsItWas()
    {
        var (store, table) = StoreWithKeys("list");
        var lists = table.Lists!;
        using var snapshot = store.TakeSnapshot();
        for (var i = 0; i < Keys; i++)
        {
            var key = B($"k{i}");
            using (lists.LockShardOf(key))
            {
                Assert.True(lists.TryGetForWriteLocked(key, out var list));
                switch (i % 4)
                {
                    case 0:
                        list.Items.Clear();
                        break;
                    case 1:
                        list.Items.Add(B("pushed"));
                        break;
                    case 2:
                        list.Items.RemoveAt(0);
                        break;
                    default:
                        list.Items.Insert(1, B("inserted"));
                        break;
                }
            }
        }

        Assert.True(lists.TryInsert(B("created"), new StoredList([B("x")])));
        var expected = Enumerable.Range(0, Keys).ToDictionary(i => $"k{i}", i => new[] { $"a{i}", $"b{i}" }, StringComparer.Ordinal);
        Assert.Equal(expected, Lists(Find(snapshot, "ks", "t")));
    }

    [Fact]
    public void TheViewHoldsEveryKeyspaceAndTableDefinitionVolatileOnesWithoutData()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "vol", TableModel.BinstrStr, isVolatile: true));
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "lists", TableModel.BinstrListBinstr, isVolatile: false));
        Assert.True(keyspace.GetTable("vol"u8)!.Kv!.TryInsert(B("k"), B("v")));
        Assert.True(store.DefaultTable.Kv!.TryInsert(B("k"), B("v")));

        using var snapshot = store.TakeSnapshot();
        Assert.Equal(["default", "ks", "system"], snapshot.Keyspaces.Select(k => k.Name));
        Assert.Empty(snapshot.Keyspaces[2].Tables);
        var tables = snapshot.Keyspaces[1].Tables;
        Assert.Equal(["lists", "vol"], tables.Select(t => t.Name));
        Assert.Equal((TableModel.BinstrListBinstr, false), (tables[0].Model, tables[0].IsVolatile));
        Assert.Equal((TableModel.BinstrStr, true), (tables[1].Model, tables[1].IsVolatile));
        Assert.Equal(0, tables[1].Count);
        Assert.Empty(Values(tables[1]));
        var defaultTable = Assert.Single(snapshot.Keyspaces[0].Tables);
        Assert.Equal(("default", TableModel.BinstrBinstr, false), (defaultTable.Name, defaultTable.Model, defaultTable.IsVolatile));
        Assert.Equal(new Dictionary<string, string> { ["k"] = "v" }, Values(defaultTable));
    }

    [Fact]
    public void DdlAfterTheCutDoesNotChangeTheViewAndADroppedTableCanStillBeRead()
    {
        var (store, table) = StoreWithKeys();
        var keyspace = store.GetKeyspace("ks"u8)!;
        using var snapshot = store.TakeSnapshot();
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "later", TableModel.StrStr, isVolatile: false));
        table.Clear();
        Assert.Equal(DdlResult.Okay, store.DropTable(keyspace, "t"u8));
        Assert.Equal(["t"], snapshot.Keyspaces.Single(k => k.Name == "ks").Tables.Select(t => t.Name));
        Assert.Equal(Original(), Values(Find(snapshot, "ks", "t")));
    }

    [Fact]
    public void OneViewAtATimeAndDisposingEndsIt()
    {
        var (store, table) = StoreWithKeys();
        var first = store.TakeSnapshot();
        Assert.Throws<InvalidOperationException>(store.TakeSnapshot);
        first.Dispose();
        first.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Find(first, "ks", "t").GetEnumerator());

        table.Kv!.Upsert(B("k0"), B("changed"));
        using var second = store.TakeSnapshot();
        var expected = Original();
        expected["k0"] = "changed";
        Assert.Equal(expected, Values(Find(second, "ks", "t")));
    }

    [Fact]
    public void ATableIsReadOncePerView()
    {
        var (store, _) = StoreWithKeys();
        using var snapshot = store.TakeSnapshot();
        var view = Find(snapshot, "ks", "t");
        Assert.Equal(Keys, Values(view).Count);
        Assert.Throws<InvalidOperationException>(() => view.GetEnumerator());
    }

    [Fact]
    public void WritesAfterTheViewEndedAreNotPreserved()
    {
        // The next view must show the live state, not a copy a writer kept for the previous one.
        var (store, table) = StoreWithKeys();
        store.TakeSnapshot().Dispose();
        table.Kv!.Upsert(B("k1"), B("after"));
        using var snapshot = store.TakeSnapshot();
        Assert.Equal("after", Values(Find(snapshot, "ks", "t"))["k1"]);
    }
}
