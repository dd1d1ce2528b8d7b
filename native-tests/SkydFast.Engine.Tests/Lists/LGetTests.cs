using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LGetTests
{
    private static EngineHarness WithList(TableModel model = TableModel.StrListStr) => CreateWithLists(model, "a", "bb", "ccc", "d");

    // LGET l

    [Fact]
    public void LgetReturnsAllElementsInOrder()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LgetOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.StrListBinstr);
        Assert.Equal(R.Arr('?', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist"));
        Assert.Equal("*1\n@?0\n", h.Text("LGET", "empty"));
    }

    [Fact]
    public void LgetOfAnEmptyListReturnsAnEmptyTypedArray()
    {
        using var h = WithList();
        Assert.Equal("*1\n@+0\n", h.Text("LGET", "empty"));
    }

    [Fact]
    public void LgetOfAMissingListReturnsNil()
    {
        using var h = WithList();
        Assert.Equal(R.Nil, h.Text("LGET", "nope"));
    }

    [Fact]
    public void LgetWithAnInvalidUtf8NameOnAStrKeyTableReturnsEncodingError()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8));
    }

    [Fact]
    public void LgetWithAnInvalidUtf8NameOnABinstrKeyTableLooksItUp()
    {
        using var h = WithList(TableModel.BinstrListStr);
        Assert.Equal(R.Nil, h.Text(B("LGET"), R.BadUtf8));
        Assert.Equal(R.Ok, h.Text(B("LSET"), R.BadUtf8, B("x")));
        Assert.Equal(R.Arr('+', "x"), h.Text(B("LGET"), R.BadUtf8));
    }

    [Fact]
    public void LgetWithoutArgumentsReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET"));
    }

    [Fact]
    public void LgetWorksOnAPoisonedStore()
    {
        using var h = WithList();
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist"));
        Assert.Equal(R.Int(4), h.Text("LGET", "mylist", "LEN"));
    }

    [Fact]
    public void LgetWithAnUnknownSubActionReturnsUnknownAction()
    {
        using var h = WithList();
        Assert.Equal(R.UnknownAction, h.Text("LGET", "mylist", "LENGTH"));
        Assert.Equal(R.UnknownAction, h.Text("LGET", "nope", "foo", "1", "2"));
        Assert.Equal(R.UnknownAction, h.Text(B("LGET"), R.BadUtf8, B("")));
    }

    // LEN

    [Fact]
    public void LgetLenReturnsTheLength()
    {
        using var h = WithList();
        Assert.Equal(R.Int(4), h.Text("LGET", "mylist", "LEN"));
        Assert.Equal(R.Int(0), h.Text("LGET", "empty", "len"));
        Assert.Equal(R.Int(4), h.Text("lget", "mylist", "Len"));
    }

    [Fact]
    public void LgetLenWithExtraArgumentsReturnsActionErrorBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "LEN", "x"));
        Assert.Equal(R.Aerr, h.Text("LGET", "nope", "LEN", "x"));
        Assert.Equal(R.Aerr, h.Text(B("LGET"), R.BadUtf8, B("LEN"), B("x")));
    }

    [Fact]
    public void LgetLenChecksEncodingThenLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8, B("LEN")));
        Assert.Equal(R.Nil, h.Text("LGET", "nope", "LEN"));
    }

    // LIMIT

    [Fact]
    public void LgetLimitReturnsTheFirstElements()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "a", "bb"), h.Text("LGET", "mylist", "LIMIT", "2"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "mylist", "limit", "0"));
        Assert.Equal(R.Arr('+', "a"), h.Text("LGET", "mylist", "Limit", "+1"));
    }

    [Fact]
    public void LgetLimitAboveTheLengthReturnsTheWholeList()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist", "LIMIT", "5"));
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist", "LIMIT", "18446744073709551615"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "empty", "LIMIT", "3"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("++1")]
    [InlineData("+")]
    [InlineData("1.0")]
    [InlineData("18446744073709551616")]
    [InlineData("abc")]
    public void LgetLimitWithABadNumberReturnsWrongtype(string number)
    {
        using var h = WithList();
        Assert.Equal(R.Wt, h.Text("LGET", "mylist", "LIMIT", number));
    }

    [Fact]
    public void LgetLimitParsesTheNumberBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Wt, h.Text("LGET", "nope", "LIMIT", "x"));
        Assert.Equal(R.Wt, h.Text(B("LGET"), R.BadUtf8, B("LIMIT"), B("x")));
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8, B("LIMIT"), B("1")));
        Assert.Equal(R.Nil, h.Text("LGET", "nope", "LIMIT", "1"));
    }

    [Fact]
    public void LgetLimitNeedsExactlyOneArgument()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "LIMIT"));
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "LIMIT", "1", "2"));
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "LIMIT", "x", "y"));
    }

    // VALUEAT

    [Fact]
    public void LgetValueatReturnsTheElement()
    {
        using var h = WithList();
        Assert.Equal(R.Val('+', "a"), h.Text("LGET", "mylist", "VALUEAT", "0"));
        Assert.Equal(R.Val('+', "d"), h.Text("LGET", "mylist", "valueat", "3"));
        Assert.Equal(R.Val('+', "ccc"), h.Text("LGET", "mylist", "ValueAt", "+2"));
    }

    [Fact]
    public void LgetValueatOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.BinstrListBinstr);
        Assert.Equal(R.Val('?', "bb"), h.Text("LGET", "mylist", "VALUEAT", "1"));
    }

    [Fact]
    public void LgetValueatOutsideTheListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(R.BadIndex, h.Text("LGET", "mylist", "VALUEAT", "4"));
        Assert.Equal(R.BadIndex, h.Text("LGET", "empty", "VALUEAT", "0"));
        Assert.Equal(R.BadIndex, h.Text("LGET", "mylist", "VALUEAT", "18446744073709551615"));
    }

    [Fact]
    public void LgetValueatChecksArityThenNumberThenEncodingThenLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "VALUEAT"));
        Assert.Equal(R.Aerr, h.Text("LGET", "nope", "VALUEAT", "x", "y"));
        Assert.Equal(R.Wt, h.Text("LGET", "nope", "VALUEAT", "-1"));
        Assert.Equal(R.Wt, h.Text(B("LGET"), R.BadUtf8, B("VALUEAT"), B("x")));
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8, B("VALUEAT"), B("99")));
        Assert.Equal(R.Nil, h.Text("LGET", "nope", "VALUEAT", "99"));
    }

    // FIRST / LAST

    [Fact]
    public void LgetFirstAndLastReturnTheEnds()
    {
        using var h = WithList();
        Assert.Equal(R.Val('+', "a"), h.Text("LGET", "mylist", "FIRST"));
        Assert.Equal(R.Val('+', "d"), h.Text("LGET", "mylist", "last"));
        Assert.Equal(R.Val('+', "a"), h.Text("LGET", "mylist", "First"));
    }

    [Fact]
    public void LgetFirstAndLastOfAnEmptyListReturnListIsEmpty()
    {
        using var h = WithList();
        Assert.Equal(R.ListEmpty, h.Text("LGET", "empty", "FIRST"));
        Assert.Equal(R.ListEmpty, h.Text("LGET", "empty", "LAST"));
    }

    [Theory]
    [InlineData("FIRST")]
    [InlineData("LAST")]
    public void LgetFirstAndLastCheckArityThenEncodingThenLookup(string sub)
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", sub, "0"));
        Assert.Equal(R.Aerr, h.Text(B("LGET"), R.BadUtf8, B(sub), B("0")));
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8, B(sub)));
        Assert.Equal(R.Nil, h.Text("LGET", "nope", sub));
    }

    // RANGE

    [Fact]
    public void LgetRangeWithStartReturnsTheRest()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "ccc", "d"), h.Text("LGET", "mylist", "RANGE", "2"));
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist", "range", "0"));
    }

    [Fact]
    public void LgetRangeWithStartAndStopReturnsTheHalfOpenSlice()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "bb", "ccc"), h.Text("LGET", "mylist", "RANGE", "1", "3"));
        Assert.Equal(R.Arr('+', "a", "bb", "ccc", "d"), h.Text("LGET", "mylist", "Range", "0", "4"));
    }

    [Fact]
    public void LgetRangeOfAnEmptySliceReturnsAnEmptyArray()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+'), h.Text("LGET", "mylist", "RANGE", "2", "2"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "mylist", "RANGE", "4"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "mylist", "RANGE", "4", "4"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "empty", "RANGE", "0"));
    }

    [Theory]
    [InlineData("5", null)]
    [InlineData("3", "2")]
    [InlineData("0", "5")]
    [InlineData("5", "5")]
    [InlineData("18446744073709551615", null)]
    [InlineData("1", "18446744073709551615")]
    public void LgetRangeOfAnInvalidSliceReturnsBadListIndex(string start, string? stop)
    {
        using var h = WithList();
        var reply = stop is null ? h.Text("LGET", "mylist", "RANGE", start) : h.Text("LGET", "mylist", "RANGE", start, stop);
        Assert.Equal(R.BadIndex, reply);
    }

    [Fact]
    public void LgetRangeIgnoresArgumentsAfterStop()
    {
        using var h = WithList();
        Assert.Equal(R.Arr('+', "bb"), h.Text("LGET", "mylist", "RANGE", "1", "2", "garbage", "-1"));
    }

    [Fact]
    public void LgetRangeWithoutStartReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LGET", "mylist", "RANGE"));
        Assert.Equal(R.Aerr, h.Text(B("LGET"), R.BadUtf8, B("RANGE")));
    }

    [Fact]
    public void LgetRangeParsesStartAndStopBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Wt, h.Text("LGET", "mylist", "RANGE", "x"));
        Assert.Equal(R.Wt, h.Text("LGET", "mylist", "RANGE", "x", "1"));
        Assert.Equal(R.Wt, h.Text("LGET", "mylist", "RANGE", "1", "-2"));
        Assert.Equal(R.Wt, h.Text("LGET", "nope", "RANGE", "0", "x"));
        Assert.Equal(R.Wt, h.Text(B("LGET"), R.BadUtf8, B("RANGE"), B("0"), B("x")));
        Assert.Equal(R.Enc, h.Text(B("LGET"), R.BadUtf8, B("RANGE"), B("9"), B("1")));
        Assert.Equal(R.Nil, h.Text("LGET", "nope", "RANGE", "9", "1"));
    }
}
