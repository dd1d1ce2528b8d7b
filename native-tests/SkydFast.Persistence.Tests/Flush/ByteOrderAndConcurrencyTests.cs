using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Flush;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Tests.Cyanstore;
using SkydFast.Persistence.Tests.Files;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Flush;

public sealed class ByteOrderAndConcurrencyTests
{
    [Fact]
    public void ABigEndianTreeLoadsAndTheNextFlushIsLittleEndian()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        var ks = dir.Combine("data", "ks");
        const CyanstoreByteOrder be = CyanstoreByteOrder.BigEndian;
        Directory.CreateDirectory(Path.Combine(ks, "default"));
        Directory.CreateDirectory(Path.Combine(ks, "system"));
        Directory.CreateDirectory(Path.Combine(ks, "other"));
        Write(ks, "PRELOAD", new FileBuilder(be).Preload("system", "default", "other"));
        Write(ks, "system/PARTMAP", new FileBuilder(be).Partmap());
        Write(ks, "default/PARTMAP", new FileBuilder(be).Partmap(
            new PartmapEntry("default", false, TableModel.BinstrBinstr),
            new PartmapEntry("vol", true, TableModel.StrStr)));
        Write(ks, "default/default", new FileBuilder(be).Kv([(Cyan.Utf8("x"), Cyan.Utf8("100")), ([0, 1], [255])]));
        Write(ks, "other/PARTMAP", new FileBuilder(be).Partmap(new PartmapEntry("l", false, TableModel.StrListStr)));
        Write(ks, "other/l", new FileBuilder(be).Lists([(Cyan.Utf8("mylist"), [Cyan.Utf8("a"), Cyan.Utf8("bc")])]));

        var loaded = StoreLoader.Load(data).Store;

        var expected = new CoreStore();
        StoreDump.Set(expected.DefaultTable, "x", "100");
        expected.DefaultTable.Kv!.Upsert([0, 1], [255]);
        _ = StoreDump.Table(expected, "default", "vol", TableModel.StrStr, isVolatile: true);
        StoreDump.Push(StoreDump.Table(expected, "other", "l", TableModel.StrListStr), "mylist", "a", "bc");
        Assert.Equal(StoreDump.Dump(expected), StoreDump.Dump(loaded));

        _ = Flusher.FlushToLive(loaded, data);

        Assert.Equal(0x80, File.ReadAllBytes(Path.Combine(ks, "PRELOAD"))[0]);
        Assert.Equal(
            Cyan.Hex("01 00 00 00 00 00 00 00 06 00 00 00 00 00 00 00 6d 79 6c 69 73 74 02 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 61 02 00 00 00 00 00 00 00 62 63"),
            File.ReadAllBytes(Path.Combine(ks, "other", "l")));
        Assert.Equal(StoreDump.Dump(expected), StoreDump.Dump(StoreLoader.Load(data).Store));
    }

    [Fact]
    public async Task AFlushWhileWritersRunIsOnePointInTime()
    {
        using var dir = Scratch.OnDisk();
        var data = dir.Combine("data");
        var store = StoreLoader.Load(data).Store;
        var first = StoreDump.Table(store, "load", "first");
        var second = StoreDump.Table(store, "load", "second");
        var lists = StoreDump.Table(store, "load", "lists", TableModel.BinstrListBinstr);
        using var stop = new CancellationTokenSource();

        // Each writer puts key n into `first`, then into `second`, then pushes n onto its list: at any one moment
        // `second` holds at most what `first` holds, and each list is at most as long as `second` has keys of it.
        const int writerCount = 4;
        for (var w = 0; w < writerCount; w++)
        {
            lists.Lists!.Upsert([(byte)w], new StoredList([]));
        }

        var writers = Enumerable.Range(0, writerCount).Select(w => Task.Run(() =>
        {
            byte[] name = [(byte)w];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = BitConverter.GetBytes((w << 24) | n);
                first.Kv!.Upsert(key, key);
                second.Kv!.Upsert(key, key);
                using (lists.Lists!.LockShardOf(name))
                {
                    Assert.True(lists.Lists.TryGetForWriteLocked(name, out var list));
                    list.Items.Add(key);
                }
            }
        })).ToArray();

        try
        {
            for (var flush = 0; flush < 5; flush++)
            {
                // Flush only once the writers have moved on, so every flush cuts through running writes.
                var before = first.Count;
                SpinWait.SpinUntil(() => first.Count > before + 20_000);
                _ = Flusher.FlushToLive(store, data);

                // The readers are strict: a count that disagreed with the entries would not load.
                var loaded = StoreLoader.Load(data).Store;
                var keyspace = loaded.GetKeyspace("load"u8)!;
                var firstCount = keyspace.GetTable("first"u8)!.Count;
                var secondCount = keyspace.GetTable("second"u8)!.Count;
                Assert.InRange(firstCount - secondCount, 0, writers.Length);
                var pushed = 0L;
                foreach (var w in Enumerable.Range(0, writers.Length))
                {
                    Assert.True(keyspace.GetTable("lists"u8)!.Lists!.TryGetValue([(byte)w], out var list));
                    pushed += list.Items.Count;
                }

                Assert.InRange(secondCount - pushed, 0, writers.Length);
                Assert.True(firstCount > before);
            }
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(writers);
        }
    }

    private static void Write(string root, string relative, FileBuilder file) => File.WriteAllBytes(Path.Combine(root, relative), file.ToArray());
}
