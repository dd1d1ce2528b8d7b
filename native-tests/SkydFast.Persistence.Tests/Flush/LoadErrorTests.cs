using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Tests.Cyanstore;
using SkydFast.Persistence.Tests.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Flush;

public sealed class LoadErrorTests
{
    [Fact]
    public void AMissingPreloadIsFatal()
    {
        using var dir = NewInstance(out var data);
        File.Delete(Path.Combine(data, "ks", "PRELOAD"));

        var error = Assert.Throws<StoreLoadException>(() => StoreLoader.Load(data));

        Assert.Equal("Storage engine error: I/O error while reading PRELOAD: No such file or directory (os error 2)", error.Message);
    }

    [Theory]
    [InlineData("default/default")]
    [InlineData("default/PARTMAP")]
    [InlineData("system/PARTMAP")]
    public void AMissingTableFileOrPartmapIsFatal(string relative)
    {
        using var dir = NewInstance(out var data);
        var path = Path.Combine(data, "ks", relative);
        File.Delete(path);

        var error = Assert.Throws<StoreLoadException>(() => StoreLoader.Load(data));

        Assert.Equal($"Storage engine error: I/O error while reading file {path}: No such file or directory (os error 2)", error.Message);
    }

    [Fact]
    public void ATableFileWithTrailingBytesIsCorruptedAtTheirOffset()
    {
        using var dir = NewInstance(out var data);
        var path = Path.Combine(data, "ks", "default", "default");
        File.AppendAllText(path, "extra");

        var error = Assert.Throws<CyanstoreFormatException>(() => StoreLoader.Load(data));

        Assert.StartsWith($"Storage engine error: file `{path}` is corrupted (offset 8: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void ATruncatedTableFileIsCorrupted()
    {
        using var dir = NewInstance(out var data);
        var path = Path.Combine(data, "ks", "default", "default");
        File.WriteAllBytes(path, new FileBuilder().Kv([(Cyan.Utf8("key"), Cyan.Utf8("value"))]).ToArray()[..^2]);

        var error = Assert.Throws<CyanstoreFormatException>(() => StoreLoader.Load(data));

        Assert.StartsWith($"Storage engine error: file `{path}` is corrupted (offset ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadPreloadMarkerIsBadMetadataInLowerCasePreload()
    {
        using var dir = NewInstance(out var data);
        var path = Path.Combine(data, "ks", "PRELOAD");
        var bytes = File.ReadAllBytes(path);
        bytes[0] = 0x82;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CyanstoreFormatException>(() => StoreLoader.Load(data));

        Assert.StartsWith("Storage engine error: bad metadata in file `preload` (offset 0: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptedPartmapNamesTheKeyspaceAndTheFile()
    {
        using var dir = NewInstance(out var data);
        File.AppendAllText(Path.Combine(data, "ks", "default", "PARTMAP"), "!");

        var error = Assert.Throws<CyanstoreFormatException>(() => StoreLoader.Load(data));

        Assert.StartsWith("Storage engine error: file `default/PARTMAP` is corrupted (offset 25: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingDefaultKeyspaceIsFatal()
    {
        using var dir = NewInstance(out var data);
        File.WriteAllBytes(Path.Combine(data, "ks", "PRELOAD"), Cyan.EncodePreload("system"));

        var error = Assert.Throws<StoreLoadException>(() => StoreLoader.Load(data));

        Assert.StartsWith("Storage engine error: file `PRELOAD` is corrupted (the keyspace `default` is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingDefaultTableIsFatal()
    {
        using var dir = NewInstance(out var data);
        File.WriteAllBytes(Path.Combine(data, "ks", "default", "PARTMAP"), Cyan.EncodePartmap(new PartmapEntry("other", false, TableModel.StrStr)));
        File.WriteAllBytes(Path.Combine(data, "ks", "default", "other"), new byte[8]);

        var error = Assert.Throws<StoreLoadException>(() => StoreLoader.Load(data));

        Assert.Equal("Storage engine error: file `default/PARTMAP` is corrupted (the table `default` is missing)", error.Message);
    }

    [Fact]
    public void ADefaultTableOfAnotherDefinitionIsFatal()
    {
        using var dir = NewInstance(out var data);
        File.WriteAllBytes(Path.Combine(data, "ks", "default", "PARTMAP"), Cyan.EncodePartmap(new PartmapEntry("default", true, TableModel.BinstrBinstr)));

        var error = Assert.Throws<StoreLoadException>(() => StoreLoader.Load(data));

        Assert.StartsWith("Storage engine error: file `default/PARTMAP` is corrupted (the table `default` must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftoversOfAnInterruptedFlushAndSnapshotAreRemovedBeforeLoading()
    {
        using var dir = NewInstance(out var data);
        Directory.CreateDirectory(Path.Combine(data, "ks.next", "default"));
        Directory.CreateDirectory(Path.Combine(data, ".snap-l-20260101-000000"));

        Assert.False(StoreLoader.Load(data).IsNewInstance);

        Assert.False(Directory.Exists(Path.Combine(data, "ks.next")));
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
    }

    [Fact]
    public void SystemTablesAreLoadedIntoTheStore()
    {
        using var dir = NewInstance(out var data);
        var system = Path.Combine(data, "ks", "system");
        File.WriteAllBytes(
            Path.Combine(system, "PARTMAP"),
            Cyan.EncodePartmap(new PartmapEntry("auth", false, TableModel.BinstrBinstr), new PartmapEntry("spare", true, TableModel.BinstrBinstr)));
        AuthEntry user = new(Cyan.Utf8("root"), new byte[40]);
        File.WriteAllBytes(Path.Combine(system, "auth"), Cyan.EncodeAuth([user]));

        var loaded = StoreLoader.Load(data);

        var tables = loaded.Store.SystemTables.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(["auth", "spare"], tables.Select(t => t.Name));
        Assert.Equal([false, true], tables.Select(t => t.IsVolatile));
        var (username, hash) = Assert.Single(tables[0].Copy());
        Assert.Equal(user.Username, username);
        Assert.Equal(user.Hash, hash);
        Assert.Equal(0, tables[1].Count);
        Assert.Empty(loaded.Store.SystemKeyspace.Tables);
    }

    private static Scratch NewInstance(out string data)
    {
        var dir = Scratch.OnDisk();
        data = dir.Combine("data");
        Assert.True(StoreLoader.Load(data).IsNewInstance);
        return dir;
    }
}
