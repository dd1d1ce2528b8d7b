using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Table files decoded straight into a <see cref="Table"/> of every model.</summary>
public sealed class LoaderTests
{
    public static TheoryData<TableModel> KvModels => [TableModel.BinstrBinstr, TableModel.BinstrStr, TableModel.StrStr, TableModel.StrBinstr];

    public static TheoryData<TableModel> ListModels => [TableModel.BinstrListBinstr, TableModel.BinstrListStr, TableModel.StrListBinstr, TableModel.StrListStr];

    [Theory]
    [MemberData(nameof(KvModels))]
    public void AKvFileLoadsIntoAKvTableAndARepeatedKeyKeepsTheLastValue(TableModel model)
    {
        var table = new Table("t", model, isVolatile: false);
        var file = new FileBuilder().Kv([(Utf8("a"), Utf8("1")), ([], Utf8("empty key")), (Utf8("a"), Utf8("2")), (Utf8("b"), [])]).ToArray();
        Assert.Equal(4UL, CyanstoreTableLoader.Load(new MemoryStream(file), "t", Le, table));
        Assert.Equal(3, table.Count);
        Assert.True(table.Kv!.TryGetValue("a"u8, out var a));
        Assert.Equal(Utf8("2"), a);
        Assert.True(table.Kv.TryGetValue([], out var empty));
        Assert.Equal(Utf8("empty key"), empty);
        Assert.True(table.Kv.TryGetValue("b"u8, out var b));
        Assert.Empty(b);
    }

    [Theory]
    [MemberData(nameof(ListModels))]
    public void AListFileLoadsIntoAListTableAndARepeatedNameKeepsTheFirstList(TableModel model)
    {
        var table = new Table("t", model, isVolatile: false);
        var file = new FileBuilder(CyanstoreByteOrder.BigEndian)
            .Lists([(Utf8("l"), [Utf8("a"), Utf8("bc")]), (Utf8("e"), []), (Utf8("l"), [Utf8("later")])])
            .ToArray();
        Assert.Equal(3UL, CyanstoreTableLoader.Load(new MemoryStream(file), "t", CyanstoreByteOrder.BigEndian, table));
        Assert.Equal(2, table.Count);
        Assert.True(table.Lists!.TryGetValue("l"u8, out var l));
        Assert.Equal([Utf8("a"), Utf8("bc")], l.Items);
        Assert.True(table.Lists.TryGetValue("e"u8, out var e));
        Assert.Empty(e.Items);
    }

    [Fact]
    public void AFileOfTheOtherKindFailsToLoadAsCorruption()
    {
        var lists = EncodeLists([(Utf8("mylist"), [Utf8("a"), Utf8("bc")])]);
        var kvTable = new Table("t", TableModel.BinstrBinstr, isVolatile: false);
        var error = Assert.Throws<CyanstoreFormatException>(() => CyanstoreTableLoader.Load(new MemoryStream(lists), TablePathFor("t"), Le, kvTable));
        Assert.Equal("Storage engine error: file `data/ks/default/t` is corrupted", error.UpstreamMessage);
    }

    [Fact]
    public void ALargeSeededTableLoadsEveryEntry()
    {
        var random = new Random(11);
        var entries = Enumerable.Range(0, 20_000).Select(i => (Key: Utf8($"key{i}"), Value: new byte[random.Next(100)])).ToList();
        var table = new Table("t", TableModel.BinstrBinstr, isVolatile: false);
        CyanstoreTableLoader.Load(new TrickleStream(EncodeKv(entries), 4093), "t", Le, table);
        Assert.Equal(entries.Count, table.Count);
        foreach (var (key, value) in entries)
        {
            Assert.True(table.Kv!.TryGetValue(key, out var stored));
            Assert.Equal(value, stored);
        }
    }

    private static string TablePathFor(string table) => $"data/ks/default/{table}";
}
