using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Tests.Cyanstore;
using SkydFast.Persistence.Tests.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Flush;

/// <summary><c>--restore</c> (DECISIONS.md 13): a data root or a snapshot folder replaces <c>data/ks</c> byte for
/// byte, atomically, and anything else is refused before <c>data/</c> is touched.</summary>
public sealed class DataRestoreTests
{
    [Fact]
    public void ASnapshotFolderReplacesTheLiveTreeByteForByte()
    {
        using var dir = Scratch.OnDisk();
        var (data, snapshot) = InstanceWithSnapshot(dir);

        Assert.Equal(snapshot, DataRestore.Run(snapshot, data));

        Assert.Equal(FlushLoadTests.ReadTree(snapshot), FlushLoadTests.ReadTree(Path.Combine(data, "ks")));
        Assert.False(Directory.Exists(Path.Combine(data, "ks.next")));
        Assert.Equal(StoreDump.Dump(StoreDump.Rich(), persisted: true), StoreDump.Dump(StoreLoader.Load(data).Store));
    }

    [Fact]
    public void ADataRootIsRestoredFromItsKsTreeAndItsSnapshotsStayWhereTheyAre()
    {
        using var dir = Scratch.OnDisk();
        var (source, _) = InstanceWithSnapshot(dir);
        var data = dir.Combine("other", "data");
        _ = StoreLoader.Load(data);

        Assert.Equal(Path.Combine(source, "ks"), DataRestore.Run(source, data));

        Assert.Equal(FlushLoadTests.ReadTree(Path.Combine(source, "ks")), FlushLoadTests.ReadTree(Path.Combine(data, "ks")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "snaps")));
    }

    [Fact]
    public void RestoringIntoAMissingDataDirectoryCreatesAnInstance()
    {
        using var dir = Scratch.OnDisk();
        var (_, snapshot) = InstanceWithSnapshot(dir);
        var data = dir.Combine("fresh", "data");

        _ = DataRestore.Run(snapshot, data);
        var loaded = StoreLoader.Load(data);

        Assert.False(loaded.IsNewInstance);
        Assert.Equal(StoreDump.Dump(StoreDump.Rich(), persisted: true), StoreDump.Dump(loaded.Store));
        FlushLoadTests.AssertFoldersBesideTheTree(data);
    }

    [Fact]
    public void ABigEndianTreeIsCopiedAsItIsAndLoads()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var source = dir.Combine("be");
        Directory.CreateDirectory(Path.Combine(source, "default"));
        Directory.CreateDirectory(Path.Combine(source, "system"));
        const CyanstoreByteOrder be = CyanstoreByteOrder.BigEndian;
        File.WriteAllBytes(Path.Combine(source, "PRELOAD"), new FileBuilder(be).Preload("default", "system").ToArray());
        File.WriteAllBytes(Path.Combine(source, "default", "PARTMAP"), new FileBuilder(be).Partmap(new PartmapEntry("default", false, TableModel.BinstrBinstr)).ToArray());
        File.WriteAllBytes(Path.Combine(source, "default", "default"), new FileBuilder(be).Kv([(Cyan.Utf8("x"), Cyan.Utf8("100"))]).ToArray());
        File.WriteAllBytes(Path.Combine(source, "system", "PARTMAP"), new FileBuilder(be).Partmap().ToArray());

        _ = DataRestore.Run(source, data);

        Assert.Equal(FlushLoadTests.ReadTree(source), FlushLoadTests.ReadTree(Path.Combine(data, "ks")));
        Assert.True(StoreLoader.Load(data).Store.DefaultTable.Kv!.TryGetValue("x"u8, out var value));
        Assert.Equal("100"u8.ToArray(), value);
    }

    [Fact]
    public void AFolderThatIsNeitherIsRefusedAndDataIsUntouched()
    {
        using var dir = Scratch.OnDisk();
        var (data, _) = InstanceWithSnapshot(dir);
        var before = FlushLoadTests.ReadTree(data);
        var empty = Directory.CreateDirectory(dir.Combine("empty")).FullName;

        var error = Assert.Throws<StoreLoadException>(() => DataRestore.Run(empty, data));
        Assert.Equal($"Restore failed: `{empty}` is neither a data directory (with ks/PRELOAD) nor a snapshot (with PRELOAD at its top)", error.Message);
        var missing = dir.Combine("missing");
        Assert.Equal($"Restore failed: `{missing}` is not a folder", Assert.Throws<StoreLoadException>(() => DataRestore.Run(missing, data)).Message);

        Assert.Equal(before, FlushLoadTests.ReadTree(data));
    }

    [Fact]
    public void ADamagedSnapshotIsRefusedWithWhereAndWhyAndDataIsUntouched()
    {
        using var dir = Scratch.OnDisk();
        var (data, snapshot) = InstanceWithSnapshot(dir);
        var before = FlushLoadTests.ReadTree(Path.Combine(data, "ks"));
        var table = Path.Combine(snapshot, "default", "default");
        File.WriteAllBytes(table, File.ReadAllBytes(table)[..^1]);

        var error = Assert.Throws<CyanstoreFormatException>(() => DataRestore.Run(snapshot, data));

        Assert.StartsWith($"Storage engine error: file `{table}` is corrupted (offset", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, FlushLoadTests.ReadTree(Path.Combine(data, "ks")));
        Assert.False(Directory.Exists(Path.Combine(data, "ks.next")));
    }

    // A data root holding StoreDump.Rich() in a local snapshot and the default store in ks.
    private static (string Data, string Snapshot) InstanceWithSnapshot(Scratch dir)
    {
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        var snapshot = Flusher.FlushToSnapshot(StoreDump.Rich(), data, SnapshotKind.Local, "20261201-000000");
        return (data, snapshot);
    }
}
