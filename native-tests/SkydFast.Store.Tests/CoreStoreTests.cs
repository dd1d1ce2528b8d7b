namespace SkydFast.Store.Tests;

/// <summary>The store's containers and the DDL rules of model-and-ddl.md §1 and §6.</summary>
public class CoreStoreTests
{
    private static CoreStore WithTable(out Keyspace keyspace, out Table table)
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "t", TableModel.StrStr, isVolatile: false));
        table = keyspace.GetTable("t"u8)!;
        return store;
    }

    [Fact]
    public void FreshStoreHoldsDefaultAndSystemOnly()
    {
        var store = new CoreStore();
        Assert.Equal(["default", "system"], store.Keyspaces.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.Same(store.DefaultKeyspace, store.GetKeyspace("default"u8));
        Assert.Same(store.SystemKeyspace, store.GetKeyspace("system"u8));
        Assert.Equal(0, store.SystemKeyspace.TableCount);
        Assert.False(store.IsPoisoned);
    }

    [Fact]
    public void FreshDefaultTableIsAnEmptyPersistentBinstrKeymap()
    {
        var store = new CoreStore();
        var table = Assert.Single(store.DefaultKeyspace.Tables);
        Assert.Same(store.DefaultTable, table);
        Assert.Equal("default", table.Name);
        Assert.Equal(TableModel.BinstrBinstr, table.Model);
        Assert.False(table.IsVolatile);
        Assert.Equal(0, table.Count);
        Assert.Same(table, store.DefaultKeyspace.GetTable("default"u8));
    }

    [Fact]
    public void LookupsAreCaseSensitiveAndByteExact()
    {
        var store = new CoreStore();
        Assert.Null(store.GetKeyspace("DEFAULT"u8));
        Assert.Null(store.GetKeyspace("default\0"u8));
        Assert.Null(store.GetKeyspace([0xE9]));
        Assert.Null(store.GetKeyspace(new byte[1000]));
        Assert.Null(store.DefaultKeyspace.GetTable("Default"u8));
    }

    [Fact]
    public void CreateKeyspaceTwiceIsAlreadyExists()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.AlreadyExists, store.CreateKeyspace("default"));
        Assert.Equal(DdlResult.AlreadyExists, store.CreateKeyspace("system"));
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        Assert.Equal(DdlResult.AlreadyExists, store.CreateKeyspace("ks"));
    }

    [Fact]
    public void CreateTableTwiceIsAlreadyExistsAndKeepsTheFirst()
    {
        var store = WithTable(out var keyspace, out var table);
        Assert.Equal(DdlResult.AlreadyExists, store.CreateTable(keyspace, "t", TableModel.BinstrBinstr, isVolatile: true));
        Assert.Same(table, keyspace.GetTable("t"u8));
        Assert.Equal(TableModel.StrStr, table.Model);
    }

    [Fact]
    public void CreatedTablesHaveTheStorageOfTheirModel()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateTable(store.DefaultKeyspace, "kv", TableModel.StrBinstr, isVolatile: true));
        Assert.Equal(DdlResult.Okay, store.CreateTable(store.DefaultKeyspace, "lists", TableModel.StrListStr, isVolatile: false));
        var kv = store.DefaultKeyspace.GetTable("kv"u8)!;
        var lists = store.DefaultKeyspace.GetTable("lists"u8)!;
        Assert.True(kv.IsVolatile);
        Assert.NotNull(kv.Kv);
        Assert.Null(kv.Lists);
        Assert.NotNull(lists.Lists);
        Assert.Null(lists.Kv);
    }

    [Fact]
    public void CreateTableInTheSystemPlaceholderIsAccepted()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateTable(store.SystemKeyspace, "x", TableModel.StrStr, isVolatile: false));
        Assert.Equal(1, store.SystemKeyspace.TableCount);
    }

    [Fact]
    public void CreateTableInADroppedKeyspaceIsNotFound()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.DropKeyspace("ks"u8));
        Assert.Equal(DdlResult.NotFound, store.CreateTable(keyspace, "t", TableModel.StrStr, isVolatile: false));
        Assert.Equal(0, keyspace.TableCount);
    }

    [Fact]
    public void DropKeyspaceRefusesDefaultAndSystem()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Protected, store.DropKeyspace("default"u8));
        Assert.Equal(DdlResult.Protected, store.DropKeyspace("system"u8));
        Assert.False(store.SystemKeyspace.IsDropped);
    }

    [Fact]
    public void DropKeyspaceOfAMissingKeyspaceIsNotFound()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.NotFound, store.DropKeyspace("nosuch"u8));
    }

    [Fact]
    public void DropKeyspaceWithTablesIsNotEmpty()
    {
        var store = WithTable(out var keyspace, out _);
        Assert.Equal(DdlResult.NotEmpty, store.DropKeyspace("ks"u8));
        Assert.False(keyspace.IsDropped);
    }

    [Fact]
    public void DropKeyspaceChecksEmptinessBeforeUse()
    {
        var store = WithTable(out var keyspace, out _);
        Assert.True(keyspace.TryAcquire());
        Assert.Equal(DdlResult.NotEmpty, store.DropKeyspace("ks"u8));
    }

    [Fact]
    public void DropKeyspaceInUseIsStillInUseUntilReleased()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.True(keyspace.TryAcquire());
        Assert.Equal(DdlResult.StillInUse, store.DropKeyspace("ks"u8));
        Assert.Same(keyspace, store.GetKeyspace("ks"u8));
        keyspace.Release();
        Assert.Equal(DdlResult.Okay, store.DropKeyspace("ks"u8));
        Assert.True(keyspace.IsDropped);
        Assert.Null(store.GetKeyspace("ks"u8));
        Assert.False(keyspace.TryAcquire());
    }

    [Fact]
    public void RecreatedKeyspaceIsANewObject()
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var first = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.DropKeyspace("ks"u8));
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var second = store.GetKeyspace("ks"u8)!;
        Assert.NotSame(first, second);
        Assert.False(second.IsDropped);
    }

    [Fact]
    public void DropTableNamedDefaultIsProtectedEvenWhenMissing()
    {
        var store = WithTable(out var keyspace, out _);
        Assert.Equal(DdlResult.Protected, store.DropTable(store.DefaultKeyspace, "default"u8));
        Assert.Equal(DdlResult.Protected, store.DropTable(keyspace, "default"u8));
        Assert.Equal(DdlResult.Protected, store.DropTable(store.SystemKeyspace, "default"u8));
    }

    [Fact]
    public void DropTableOfAMissingTableIsNotFound()
    {
        var store = WithTable(out var keyspace, out _);
        Assert.Equal(DdlResult.NotFound, store.DropTable(keyspace, "nosuch"u8));
        Assert.Equal(DdlResult.NotFound, store.DropTable(store.DefaultKeyspace, "t"u8));
    }

    [Fact]
    public void DropTableInUseIsStillInUseUntilReleased()
    {
        var store = WithTable(out var keyspace, out var table);
        Assert.True(table.TryAcquire());
        Assert.Equal(DdlResult.StillInUse, store.DropTable(keyspace, "t"u8));
        Assert.Same(table, keyspace.GetTable("t"u8));
        table.Release();
        Assert.Equal(DdlResult.Okay, store.DropTable(keyspace, "t"u8));
        Assert.True(table.IsDropped);
        Assert.Null(keyspace.GetTable("t"u8));
        Assert.False(table.TryAcquire());
        Assert.Equal(DdlResult.NotFound, store.DropTable(keyspace, "t"u8));
    }

    [Fact]
    public void KeyspaceIsDroppableOnceItsLastTableIsDropped()
    {
        var store = WithTable(out var keyspace, out _);
        Assert.Equal(DdlResult.Okay, store.DropTable(keyspace, "t"u8));
        Assert.Equal(DdlResult.Okay, store.DropKeyspace("ks"u8));
    }

    [Fact]
    public void ConcurrentUseAndDropTableNeverLeaveAHolderOnADroppedTable()
    {
        // A "USE ks:t" looks the table up, then takes a reference; a concurrent DROP TABLE must either see that
        // reference (still-in-use) or tombstone the table first (the acquire fails). Exactly one side wins.
        for (var round = 0; round < 1_000; round++)
        {
            var store = WithTable(out var keyspace, out _);
            using var start = new Barrier(2);
            var acquired = false;
            Table? seen = null;
            var user = new Thread(() =>
            {
                start.SignalAndWait();
                seen = keyspace.GetTable("t"u8);
                acquired = seen?.TryAcquire() ?? false;
            });
            user.Start();
            start.SignalAndWait();
            var result = store.DropTable(keyspace, "t"u8);
            user.Join();

            if (acquired)
            {
                Assert.Equal(DdlResult.StillInUse, result);
                Assert.False(seen!.IsDropped);
                Assert.Same(seen, keyspace.GetTable("t"u8));
            }
            else
            {
                Assert.Equal(DdlResult.Okay, result);
                Assert.Null(keyspace.GetTable("t"u8));
            }
        }
    }

    [Fact]
    public void ConcurrentUseAndDropKeyspaceNeverLeaveAHolderOnADroppedKeyspace()
    {
        for (var round = 0; round < 1_000; round++)
        {
            var store = new CoreStore();
            Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
            using var start = new Barrier(2);
            var acquired = false;
            Keyspace? seen = null;
            var user = new Thread(() =>
            {
                start.SignalAndWait();
                seen = store.GetKeyspace("ks"u8);
                acquired = seen?.TryAcquire() ?? false;
            });
            user.Start();
            start.SignalAndWait();
            var result = store.DropKeyspace("ks"u8);
            user.Join();

            Assert.Equal(acquired ? DdlResult.StillInUse : DdlResult.Okay, result);
            Assert.Equal(!acquired, seen is null || seen.IsDropped);
        }
    }

    [Fact]
    public void ConcurrentCreatesOfOneNameSucceedOnce()
    {
        var store = new CoreStore();
        var results = new DdlResult[8];
        Parallel.For(0, results.Length, i => results[i] = store.CreateKeyspace("race"));
        Assert.Equal(1, results.Count(r => r == DdlResult.Okay));
        Assert.Equal(results.Length - 1, results.Count(r => r == DdlResult.AlreadyExists));
    }
}
