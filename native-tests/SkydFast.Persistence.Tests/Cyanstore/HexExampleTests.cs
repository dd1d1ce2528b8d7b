using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>The worked examples of persistence-and-config.md §2.6, byte for byte, both ways.</summary>
public sealed class HexExampleTests
{
    private const string Preload =
        "80 0200000000000000 0700000000000000 64656661756c74 0600000000000000 73797374656d";

    private const string DefaultPartmap = "0100000000000000 0700000000000000 64656661756c74 00 00";

    private const string AuthPartmap = "0100000000000000 0400000000000000 61757468 00 00";

    private const string Keymap = "0100000000000000 0100000000000000 0300000000000000 78 313030";

    private const string ListTable =
        "0100000000000000 0600000000000000 6d796c697374 0200000000000000 0100000000000000 61 0200000000000000 6263";

    [Fact]
    public void PreloadOfANewInstanceEncodesToThe38BytesOfTheSpec()
    {
        var bytes = EncodePreload("default", "system");
        Assert.Equal(38, bytes.Length);
        Assert.Equal(Hex(Preload), bytes);
    }

    [Fact]
    public void PreloadOfTheSpecDecodesToDefaultAndSystemLittleEndian()
    {
        var contents = DecodePreload(Hex(Preload));
        Assert.Equal(CyanstoreByteOrder.LittleEndian, contents.ByteOrder);
        Assert.Equal(["default", "system"], contents.Keyspaces);
    }

    [Fact]
    public void DefaultPartmapEncodesToThe25BytesOfTheSpec()
    {
        var bytes = EncodePartmap(Persistent("default"));
        Assert.Equal(25, bytes.Length);
        Assert.Equal(Hex(DefaultPartmap), bytes);
    }

    [Fact]
    public void DefaultPartmapOfTheSpecDecodesToOnePersistentModel0Table() =>
        Assert.Equal([Persistent("default")], DecodePartmap(Hex(DefaultPartmap)));

    [Fact]
    public void EmptyTablesAndTheEmptySystemPartmapAreEightZeroBytes()
    {
        var empty = Hex("0000000000000000");
        Assert.Equal(empty, EncodeKv([]));
        Assert.Equal(empty, EncodeLists([]));
        Assert.Equal(empty, EncodeAuth([]));
        Assert.Equal(empty, EncodePartmap());
        Assert.Empty(DecodeKv(empty));
        Assert.Empty(DecodeLists(empty));
        Assert.Empty(DecodeAuth(empty));
        Assert.Empty(DecodePartmap(empty, isSystem: true));
    }

    [Fact]
    public void SystemPartmapWithAuthMatchesTheSpecBothWays()
    {
        Assert.Equal(Hex(AuthPartmap), EncodePartmap(Persistent("auth")));
        Assert.Equal([Persistent("auth")], DecodePartmap(Hex(AuthPartmap), isSystem: true));
    }

    [Fact]
    public void KeymapHoldingXTo100MatchesTheSpecBothWays()
    {
        (byte[], byte[])[] entries = [(Utf8("x"), Utf8("100"))];
        Assert.Equal(Hex(Keymap), EncodeKv(entries));
        AssertSame(entries, DecodeKv(Hex(Keymap)));
    }

    [Fact]
    public void ListTableHoldingMylistMatchesTheSpecBothWays()
    {
        (byte[], List<byte[]>)[] lists = [(Utf8("mylist"), [Utf8("a"), Utf8("bc")])];
        Assert.Equal(Hex(ListTable), EncodeLists(lists));
        AssertSame(lists, DecodeLists(Hex(ListTable)));
    }

    [Fact]
    public void ListModelPartmapEntryCarriesItsModelCode()
    {
        var bytes = EncodePartmap(new PartmapEntry("l", true, TableModel.StrListStr));
        Assert.Equal(Hex("0100000000000000 0100000000000000 6c 01 07"), bytes);
        Assert.Equal([new PartmapEntry("l", true, TableModel.StrListStr)], DecodePartmap(bytes));
    }
}
