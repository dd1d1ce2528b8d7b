using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Tests.Cyanstore;
using SkydFast.Persistence.Tests.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Flush;

public sealed class FlushLoadTests
{
    [Fact]
    public void AFreshDirectoryBecomesANewInstanceWithExactlyTheFilesOfTheWorkedExample()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");

        var loaded = StoreLoader.Load(data);

        Assert.True(loaded.IsNewInstance);
        Assert.Empty(loaded.Store.SystemTables);
        Assert.False(loaded.Store.IsPoisoned);
        AssertNewInstanceTree(data);
        Assert.Equal(StoreDump.Dump(new CoreStore()), StoreDump.Dump(loaded.Store));
    }

    [Fact]
    public void AnEmptyDataDirectoryIsANewInstanceToo()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);

        Assert.True(StoreLoader.Load(data).IsNewInstance);
        AssertNewInstanceTree(data);
    }

    [Fact]
    public void AFirstTreeInterruptedBeforeItsSwapLeavesANewInstance()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        Directory.CreateDirectory(dir.Combine("data", "ks.next", "default"));
        File.WriteAllBytes(dir.Combine("data", "ks.next", "PRELOAD_"), [0x80]);

        Assert.True(StoreLoader.Load(data).IsNewInstance);
        AssertNewInstanceTree(data);
    }

    [Fact]
    public void AnInstanceInterruptedAfterItsFirstTreeGetsTheOtherFoldersOnTheNextStart()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        foreach (var folder in new[] { "backups", "snaps", "rsnap" })
        {
            Directory.Delete(Path.Combine(data, folder));
        }

        Assert.False(StoreLoader.Load(data).IsNewInstance);
        AssertNewInstanceTree(data);
    }

    [Fact]
    public void ANewInstanceLoadsBackAsTheDefaultStore()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);

        var again = StoreLoader.Load(data);

        Assert.False(again.IsNewInstance);
        Assert.Empty(again.Store.SystemTables);
        Assert.Equal(StoreDump.Dump(new CoreStore()), StoreDump.Dump(again.Store));
    }

    [Fact]
    public void EveryModelAndDefinitionSurvivesAFlushAndALoad()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = StoreDump.Rich();

        Assert.True(Flusher.FlushToLive(store, data));
        var loaded = StoreLoader.Load(data);

        Assert.False(loaded.IsNewInstance);
        Assert.False(loaded.Store.IsPoisoned);
        Assert.Equal(StoreDump.Dump(store, persisted: true), StoreDump.Dump(loaded.Store));
        Assert.Empty(loaded.Store.SystemKeyspace.Tables);
        Assert.Same(loaded.Store.DefaultTable, loaded.Store.DefaultKeyspace.GetTable("default"u8));
        Assert.Equal(3, loaded.Store.DefaultTable.Count);
    }

    [Fact]
    public void VolatileTablesAreListedButHaveNoFileAndUserTablesInSystemAreNotWrittenButSystemTablesAre()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        var store = StoreDump.Rich();

        _ = Flusher.FlushToLive(store, data);

        var models = dir.Combine("data", "ks", "models");
        Assert.True(File.Exists(Path.Combine(models, "m4")));
        Assert.False(File.Exists(Path.Combine(models, "m4v")));
        Assert.Equal(
            Cyan.EncodePartmap(new PartmapEntry("auth", false, TableModel.BinstrBinstr), new PartmapEntry("spare", true, TableModel.BinstrBinstr)),
            File.ReadAllBytes(dir.Combine("data", "ks", "system", "PARTMAP")));
        Assert.Equal(
            ["PARTMAP", "auth"],
            Directory.GetFiles(dir.Combine("data", "ks", "system")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Cyan.EncodeAuth([.. store.GetOrCreateSystemTable("auth").Copy().Select(u => new AuthEntry(u.Key, u.Value))]), File.ReadAllBytes(dir.Combine("data", "ks", "system", "auth")));
        Assert.Equal(new byte[8], File.ReadAllBytes(dir.Combine("data", "ks", "noTables", "PARTMAP")));
    }

    [Fact]
    public void ASecondFlushReplacesTheFirstAndLeavesNothingBehind()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = StoreDump.Rich();
        _ = Flusher.FlushToLive(store, data);
        Assert.Equal(DdlResult.Okay, store.DropTable(store.GetKeyspace("emptyks"u8)!, "nothing"u8));
        Assert.Equal(DdlResult.Okay, store.DropKeyspace("emptyks"u8));
        StoreDump.Set(store.DefaultTable, "x", "200");

        Assert.True(Flusher.FlushToLive(store, data));

        Assert.False(Directory.Exists(dir.Combine("data", "ks.next")));
        Assert.False(Directory.Exists(dir.Combine("data", "ks", "emptyks")));
        Assert.Empty(Directory.GetFiles(dir.Combine("data", "ks"), "*_", SearchOption.AllDirectories));
        Assert.Equal(
            ["backups", "ks", "rsnap", "snaps"],
            Directory.GetFileSystemEntries(data).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(StoreDump.Dump(store, persisted: true), StoreDump.Dump(StoreLoader.Load(data).Store));
    }

    [Fact]
    public void ATableOfManyBlocksIsWrittenBehindTheEncoderAndLoadsBackWhole()
    {
        // About 6 MiB of table file: several 1 MiB blocks through the writer thread, a writeback hint on the way,
        // and a last partial block.
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = new CoreStore();
        var big = StoreDump.Table(store, "big", "values");
        for (var i = 0; i < 50_000; i++)
        {
            StoreDump.Set(big, $"key-{i}", $"{i}:{new string((char)('a' + (i % 26)), 100 + (i % 7))}");
        }

        Assert.True(Flusher.FlushToLive(store, data));

        Assert.True(new FileInfo(dir.Combine("data", "ks", "big", "values")).Length > 6 << 20);
        Assert.Empty(Directory.GetFiles(dir.Combine("data", "ks"), "*_", SearchOption.AllDirectories));
        Assert.Equal(StoreDump.Dump(store, persisted: true), StoreDump.Dump(StoreLoader.Load(data).Store));
    }

    [Fact]
    public void ATableOfManyBlocksOnAFullDiskFailsTheFlushAndKeepsTheLiveTree()
    {
        using var dir = Scratch.Tmpfs();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = new CoreStore();
        StoreDump.Set(store.DefaultTable, "kept", "from the first flush");
        Assert.True(Flusher.FlushToLive(store, data));
        var before = StoreDump.Dump(store, persisted: true);

        // 256 KiB of tmpfs against a table of about 3 MiB: the writer thread meets ENOSPC.
        for (var i = 0; i < 30_000; i++)
        {
            StoreDump.Set(store.DefaultTable, $"key-{i}", new string('v', 80));
        }

        var fault = Assert.Throws<IOException>(() => Flusher.FlushToLive(store, data));

        Assert.Contains("No space left on device", fault.Message, StringComparison.Ordinal);
        Assert.Equal(before, StoreDump.Dump(StoreLoader.Load(data).Store));
    }

    [Fact]
    public void ASnapshotHoldsThePreloadAndTheKeyspacesAtItsTop()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = StoreDump.Rich();
        _ = Flusher.FlushToLive(store, data);

        var local = Flusher.FlushToSnapshot(store, data, SnapshotKind.Local, "20261122-021800");
        var remote = Flusher.FlushToSnapshot(store, data, SnapshotKind.Remote, "nested/name");

        Assert.Equal(dir.Combine("data", "snaps", "20261122-021800"), local);
        Assert.Equal(dir.Combine("data", "rsnap", "nested", "name"), remote);
        foreach (var snapshot in new[] { local, remote })
        {
            Assert.True(File.Exists(Path.Combine(snapshot, "PRELOAD")));
            Assert.True(File.Exists(Path.Combine(snapshot, "default", "default")));
            Assert.True(File.Exists(Path.Combine(snapshot, "models", "m7")));
            Assert.False(Directory.Exists(Path.Combine(snapshot, "ks")));
            Assert.Equal(ReadTree(dir.Combine("data", "ks")), ReadTree(snapshot));
        }

        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
        var copy = dir.Combine("copy");
        CopyTree(local, Path.Combine(copy, "ks"));
        Assert.Equal(StoreDump.Dump(store, persisted: true), StoreDump.Dump(StoreLoader.Load(copy).Store));
    }

    [Fact]
    public void ASnapshotThatExistsAlreadyIsRefusedAndItsStagingRemoved()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = new CoreStore();
        _ = Flusher.FlushToSnapshot(store, data, SnapshotKind.Local, "one");

        var error = Assert.ThrowsAny<IOException>(() => Flusher.FlushToSnapshot(store, data, SnapshotKind.Local, "one"));

        Assert.Contains("File exists", error.Message, StringComparison.Ordinal);
        _ = Assert.Throws<ArgumentException>(() => Flusher.FlushToSnapshot(store, data, SnapshotKind.Local, "a/b"));
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
        store.TakeSnapshot().Dispose();
    }

    [Fact]
    public void AFlushWhileAnotherViewIsOpenThrowsBeforeTouchingAnything()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var store = new CoreStore();
        var inProgress = dir.Combine("data", "ks.next", "PRELOAD_");
        Directory.CreateDirectory(Path.GetDirectoryName(inProgress)!);
        File.WriteAllBytes(inProgress, [0x80]);

        using (store.TakeSnapshot())
        {
            _ = Assert.Throws<InvalidOperationException>(() => Flusher.FlushToLive(store, data));
            _ = Assert.Throws<InvalidOperationException>(() => Flusher.FlushToSnapshot(store, data, SnapshotKind.Local, "x"));
        }

        Assert.True(File.Exists(inProgress));
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
        Assert.True(Flusher.FlushToLive(store, data));
        Assert.False(Directory.Exists(dir.Combine("data", "ks.next")));
    }

    internal static void AssertNewInstanceTree(string data)
    {
        AssertFoldersBesideTheTree(data);

        var tree = ReadTree(Path.Combine(data, "ks"));
        Assert.Equal(["PRELOAD", "default/PARTMAP", "default/default", "system/PARTMAP"], tree.Keys.Order(StringComparer.Ordinal));
        var preload = tree["PRELOAD"];
        var defaultEntry = Cyanstore.Cyan.Hex("07 00 00 00 00 00 00 00 64 65 66 61 75 6c 74");
        var systemEntry = Cyanstore.Cyan.Hex("06 00 00 00 00 00 00 00 73 79 73 74 65 6d");
        var head = Cyanstore.Cyan.Hex("80 02 00 00 00 00 00 00 00");
        Assert.Equal(38, preload.Length);
        Assert.True(
            preload.SequenceEqual([.. head, .. defaultEntry, .. systemEntry]) || preload.SequenceEqual([.. head, .. systemEntry, .. defaultEntry]),
            Convert.ToHexString(preload));
        Assert.Equal(
            Cyanstore.Cyan.Hex("01 00 00 00 00 00 00 00 07 00 00 00 00 00 00 00 64 65 66 61 75 6c 74 00 00"),
            tree["default/PARTMAP"]);
        Assert.Equal(new byte[8], tree["default/default"]);
        Assert.Equal(new byte[8], tree["system/PARTMAP"]);
    }

    internal static void AssertFoldersBesideTheTree(string data)
    {
        Assert.Equal(
            ["backups", "ks", "rsnap", "snaps"],
            Directory.GetFileSystemEntries(data).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var empty in new[] { "backups", "rsnap", "snaps" })
        {
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, empty)));
        }
    }

    internal static Dictionary<string, byte[]> ReadTree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(root, file), File.ReadAllBytes, StringComparer.Ordinal);

    internal static void CopyTree(string from, string to)
    {
        foreach (var (relative, bytes) in ReadTree(from))
        {
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }
}
