using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LsKeysTests
{
    private static void AssertKeys(string reply, char symbol, int count, string[] from)
    {
        var (actual, items) = Replies.ParseTypedArray(reply);
        Assert.Equal(symbol, actual);
        Assert.Equal(count, items.Count);
        Assert.Equal(count, items.Distinct().Count());
        Assert.Subset(from.ToHashSet(), items.ToHashSet());
    }

    private static void AssertAllKeys(string reply, char symbol, string[] expected)
    {
        var (actual, items) = Replies.ParseTypedArray(reply);
        Assert.Equal(symbol, actual);
        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LskeysReturnsAtMostTenKeysOfTheCurrentTable()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Q("LSKEYS"), '?', 10, TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysOfAnEmptyTableReturnsAnEmptyTypedArray()
    {
        using var h = TableFixture.Create(defaultKeys: 0);
        Assert.Equal("*1\n@?0\n", h.Q("LSKEYS"));
    }

    [Fact]
    public void LskeysOfASmallTableReturnsEveryKey()
    {
        using var h = TableFixture.Create(defaultKeys: 3);
        AssertAllKeys(h.Q("lskeys"), '?', TableFixture.Keys("k", 3));
    }

    [Theory]
    [InlineData(TableModel.BinstrBinstr, '?')]
    [InlineData(TableModel.BinstrStr, '+')]
    [InlineData(TableModel.StrStr, '+')]
    [InlineData(TableModel.StrBinstr, '?')]
    [InlineData(TableModel.BinstrListBinstr, '?')]
    [InlineData(TableModel.BinstrListStr, '+')]
    [InlineData(TableModel.StrListBinstr, '?')]
    [InlineData(TableModel.StrListStr, '+')]
    public void LskeysUsesTheTablesValueTypeSymbolForTheKeys(TableModel model, char symbol)
    {
        using var h = Create(model);
        var set = model.IsList() ? "LSET" : "SET";
        Assert.Equal(Replies.Okay, h.Q(set, "key", "v"));
        Assert.Equal(Replies.Arr(symbol, "key"), h.Q("LSKEYS"));
        Assert.Equal(Replies.Arr(symbol, "key"), h.Q("LSKEYS", "default:l", "all"));
    }

    [Fact]
    public void LskeysWithALeadingDigitTakesItAsTheLimit()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Q("LSKEYS", "3"), '?', 3, TableFixture.Keys("k", 15));
        AssertKeys(h.Q("LSKEYS", "12"), '?', 12, TableFixture.Keys("k", 15));
        AssertAllKeys(h.Q("LSKEYS", "100"), '?', TableFixture.Keys("k", 15));
        Assert.Equal("*1\n@?0\n", h.Q("LSKEYS", "0"));
    }

    [Fact]
    public void LskeysWithAHugeLimitReturnsEveryKeyWithoutReservingIt()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Q("LSKEYS", "18446744073709551615"), '?', TableFixture.Keys("k", 15));
        AssertAllKeys(h.Q("LSKEYS", "default", "18446744073709551615"), '?', TableFixture.Keys("k", 15));
    }

    [Theory]
    [InlineData("5abc")]
    [InlineData("1 ")]
    [InlineData("18446744073709551616")]
    [InlineData("99999999999999999999")]
    [InlineData("0x10")]
    public void LskeysWithADigitLedNonNumberReturnsWrongtype(string arg)
    {
        using var h = TableFixture.Create(defaultKeys: 3);
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", arg));
    }

    [Fact]
    public void LskeysParsesTheLimitBeforeLookingForTheCurrentTable()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", "5x"));
        Assert.Equal(Replies.Unset, h.Q("LSKEYS", "5"));
        Assert.Equal(Replies.Unset, h.Q("LSKEYS"));
    }

    [Theory]
    [InlineData("+5", Replies.BadName)]
    [InlineData("-1", Replies.BadName)]
    [InlineData("", Replies.Malformed)]
    [InlineData("a:b:c", Replies.Malformed)]
    [InlineData("nope", Replies.NotFound)]
    [InlineData("ks:nope", Replies.NotFound)]
    public void LskeysWithOneNonDigitArgumentTakesItAsAnEntity(string arg, string expected)
    {
        using var h = TableFixture.Create(defaultKeys: 3);
        Assert.Equal(expected, h.Q("LSKEYS", arg));
    }

    [Fact]
    public void LskeysOfANamedTableUsesThatTablesSymbolAndTheDefaultLimit()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Q("LSKEYS", "ks:t"), '?', TableFixture.Keys("t", 5));
        AssertAllKeys(h.Q("LSKEYS", "other"), '+', TableFixture.Keys("o", 3));
        AssertAllKeys(h.Q("LSKEYS", ":other"), '+', TableFixture.Keys("o", 3));
        AssertAllKeys(h.Q("LSKEYS", "ks:lt"), '+', ["l0", "l1"]);
        AssertKeys(h.Q("LSKEYS", "default:default"), '?', 10, TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysResolvesNamesInTheCurrentKeyspaceWithoutACurrentTable()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        AssertAllKeys(h.Q("LSKEYS", "t"), '?', TableFixture.Keys("t", 5));
        AssertKeys(h.Q("LSKEYS", ":lt", "1"), '+', 1, ["l0", "l1"]);
        Assert.Equal(Replies.NotFound, h.Q("LSKEYS", "other"));
    }

    [Fact]
    public void LskeysWithEntityAndLimitReturnsThatManyKeys()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Q("LSKEYS", "ks:t", "2"), '?', 2, TableFixture.Keys("t", 5));
        AssertKeys(h.Q("LSKEYS", "default", "12"), '?', 12, TableFixture.Keys("k", 15));
        Assert.Equal("*1\n@+0\n", h.Q("LSKEYS", "ks:lt", "0"));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("aLl")]
    public void LskeysWithAllReturnsEveryKey(string all)
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Q("LSKEYS", "default:default", all), '?', TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysIgnoresAThirdArgument()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Q("LSKEYS", "default", "11", "garbage"), '?', 11, TableFixture.Keys("k", 15));
        AssertAllKeys(h.Q("LSKEYS", "ks:t", "all", "-1"), '?', TableFixture.Keys("t", 5));
    }

    [Fact]
    public void LskeysWithFourArgumentsReturnsActionError()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.ActionError, h.Q("LSKEYS", "default", "1", "2", "3"));
    }

    [Fact]
    public void LskeysWithEntityAndLimitParsesEntityThenLimitThenLooksUp()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Malformed, h.Q("LSKEYS", "a:b:c", "x"));
        Assert.Equal(Replies.BadName, h.Q("LSKEYS", "1a", "-1"));
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", "nope", "x"));
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", "ks:t", "-1"));
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", "ks:t", "alll"));
        Assert.Equal(Replies.Wrongtype, h.Q("LSKEYS", "ks:t", ""));
        Assert.Equal(Replies.NotFound, h.Q("LSKEYS", "nope", "all"));
        Assert.Equal(Replies.NotFound, h.Q("LSKEYS", "ks:nope", "1", "x"));
    }

    [Fact]
    public void LskeysWorksOnAPoisonedStore()
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        h.Store.IsPoisoned = true;
        AssertAllKeys(h.Q("LSKEYS"), '?', TableFixture.Keys("k", 2));
    }

    [Fact]
    public void LskeysReturnsBinaryKeysByteExact()
    {
        using var h = Create(TableModel.BinstrListBinstr);
        Assert.Equal(Replies.Okay, h.Q(B("LSET"), [0xFF, 0x00, 0x0A]));
        Assert.Equal("*1\n@?1\n3\n\u00FF\0\n\n", h.Q("LSKEYS"));
    }
}
