using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LsKeysTests
{
    private static void AssertKeys(string reply, char symbol, int count, string[] from)
    {
        var (actual, items) = R.ParseArray(reply);
        Assert.Equal(symbol, actual);
        Assert.Equal(count, items.Count);
        Assert.Equal(count, items.Distinct().Count());
        Assert.Subset(from.ToHashSet(), items.ToHashSet());
    }

    private static void AssertAllKeys(string reply, char symbol, string[] expected)
    {
        var (actual, items) = R.ParseArray(reply);
        Assert.Equal(symbol, actual);
        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LskeysReturnsAtMostTenKeysOfTheCurrentTable()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Text("LSKEYS"), '?', 10, TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysOfAnEmptyTableReturnsAnEmptyTypedArray()
    {
        using var h = TableFixture.Create(defaultKeys: 0);
        Assert.Equal("*1\n@?0\n", h.Text("LSKEYS"));
    }

    [Fact]
    public void LskeysOfASmallTableReturnsEveryKey()
    {
        using var h = TableFixture.Create(defaultKeys: 3);
        AssertAllKeys(h.Text("lskeys"), '?', TableFixture.Keys("k", 3));
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
        Assert.Equal(R.Ok, h.Text(set, "key", "v"));
        Assert.Equal(R.Arr(symbol, "key"), h.Text("LSKEYS"));
        Assert.Equal(R.Arr(symbol, "key"), h.Text("LSKEYS", "default:l", "all"));
    }

    [Fact]
    public void LskeysWithALeadingDigitTakesItAsTheLimit()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Text("LSKEYS", "3"), '?', 3, TableFixture.Keys("k", 15));
        AssertKeys(h.Text("LSKEYS", "12"), '?', 12, TableFixture.Keys("k", 15));
        AssertAllKeys(h.Text("LSKEYS", "100"), '?', TableFixture.Keys("k", 15));
        Assert.Equal("*1\n@?0\n", h.Text("LSKEYS", "0"));
    }

    [Fact]
    public void LskeysWithAHugeLimitReturnsEveryKeyWithoutReservingIt()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Text("LSKEYS", "18446744073709551615"), '?', TableFixture.Keys("k", 15));
        AssertAllKeys(h.Text("LSKEYS", "default", "18446744073709551615"), '?', TableFixture.Keys("k", 15));
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
        Assert.Equal(R.Wt, h.Text("LSKEYS", arg));
    }

    [Fact]
    public void LskeysParsesTheLimitBeforeLookingForTheCurrentTable()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Ok, h.Text("USE", "ks"));
        Assert.Equal(R.Wt, h.Text("LSKEYS", "5x"));
        Assert.Equal(R.Unset, h.Text("LSKEYS", "5"));
        Assert.Equal(R.Unset, h.Text("LSKEYS"));
    }

    [Theory]
    [InlineData("+5", R.BadName)]
    [InlineData("-1", R.BadName)]
    [InlineData("", R.Malformed)]
    [InlineData("a:b:c", R.Malformed)]
    [InlineData("nope", R.NotFound)]
    [InlineData("ks:nope", R.NotFound)]
    public void LskeysWithOneNonDigitArgumentTakesItAsAnEntity(string arg, string expected)
    {
        using var h = TableFixture.Create(defaultKeys: 3);
        Assert.Equal(expected, h.Text("LSKEYS", arg));
    }

    [Fact]
    public void LskeysOfANamedTableUsesThatTablesSymbolAndTheDefaultLimit()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Text("LSKEYS", "ks:t"), '?', TableFixture.Keys("t", 5));
        AssertAllKeys(h.Text("LSKEYS", "other"), '+', TableFixture.Keys("o", 3));
        AssertAllKeys(h.Text("LSKEYS", ":other"), '+', TableFixture.Keys("o", 3));
        AssertAllKeys(h.Text("LSKEYS", "ks:lt"), '+', ["l0", "l1"]);
        AssertKeys(h.Text("LSKEYS", "default:default"), '?', 10, TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysResolvesNamesInTheCurrentKeyspaceWithoutACurrentTable()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Ok, h.Text("USE", "ks"));
        AssertAllKeys(h.Text("LSKEYS", "t"), '?', TableFixture.Keys("t", 5));
        AssertKeys(h.Text("LSKEYS", ":lt", "1"), '+', 1, ["l0", "l1"]);
        Assert.Equal(R.NotFound, h.Text("LSKEYS", "other"));
    }

    [Fact]
    public void LskeysWithEntityAndLimitReturnsThatManyKeys()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Text("LSKEYS", "ks:t", "2"), '?', 2, TableFixture.Keys("t", 5));
        AssertKeys(h.Text("LSKEYS", "default", "12"), '?', 12, TableFixture.Keys("k", 15));
        Assert.Equal("*1\n@+0\n", h.Text("LSKEYS", "ks:lt", "0"));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("aLl")]
    public void LskeysWithAllReturnsEveryKey(string all)
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertAllKeys(h.Text("LSKEYS", "default:default", all), '?', TableFixture.Keys("k", 15));
    }

    [Fact]
    public void LskeysIgnoresAThirdArgument()
    {
        using var h = TableFixture.Create(defaultKeys: 15);
        AssertKeys(h.Text("LSKEYS", "default", "11", "garbage"), '?', 11, TableFixture.Keys("k", 15));
        AssertAllKeys(h.Text("LSKEYS", "ks:t", "all", "-1"), '?', TableFixture.Keys("t", 5));
    }

    [Fact]
    public void LskeysWithFourArgumentsReturnsActionError()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Aerr, h.Text("LSKEYS", "default", "1", "2", "3"));
    }

    [Fact]
    public void LskeysWithEntityAndLimitParsesEntityThenLimitThenLooksUp()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Malformed, h.Text("LSKEYS", "a:b:c", "x"));
        Assert.Equal(R.BadName, h.Text("LSKEYS", "1a", "-1"));
        Assert.Equal(R.Wt, h.Text("LSKEYS", "nope", "x"));
        Assert.Equal(R.Wt, h.Text("LSKEYS", "ks:t", "-1"));
        Assert.Equal(R.Wt, h.Text("LSKEYS", "ks:t", "alll"));
        Assert.Equal(R.Wt, h.Text("LSKEYS", "ks:t", ""));
        Assert.Equal(R.NotFound, h.Text("LSKEYS", "nope", "all"));
        Assert.Equal(R.NotFound, h.Text("LSKEYS", "ks:nope", "1", "x"));
    }

    [Fact]
    public void LskeysWorksOnAPoisonedStore()
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        h.Store.IsPoisoned = true;
        AssertAllKeys(h.Text("LSKEYS"), '?', TableFixture.Keys("k", 2));
    }

    [Fact]
    public void LskeysReturnsBinaryKeysByteExact()
    {
        using var h = Create(TableModel.BinstrListBinstr);
        Assert.Equal(R.Ok, h.Text(B("LSET"), [0xFF, 0x00, 0x0A]));
        Assert.Equal("*1\n@?1\n3\n\u00FF\0\n\n", h.Text("LSKEYS"));
    }
}
