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
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LgetOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.StrListBinstr);
        Assert.Equal(Replies.Arr('?', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist"));
        Assert.Equal("*1\n@?0\n", h.Q("LGET", "empty"));
    }

    [Fact]
    public void LgetOfAnEmptyListReturnsAnEmptyTypedArray()
    {
        using var h = WithList();
        Assert.Equal("*1\n@+0\n", h.Q("LGET", "empty"));
    }

    [Fact]
    public void LgetOfAMissingListReturnsNil()
    {
        using var h = WithList();
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope"));
    }

    [Fact]
    public void LgetWithAnInvalidUtf8NameOnAStrKeyTableReturnsEncodingError()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8));
    }

    [Fact]
    public void LgetWithAnInvalidUtf8NameOnABinstrKeyTableLooksItUp()
    {
        using var h = WithList(TableModel.BinstrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LGET"), Replies.BadUtf8));
        Assert.Equal(Replies.Okay, h.Q(B("LSET"), Replies.BadUtf8, B("x")));
        Assert.Equal(Replies.Arr('+', "x"), h.Q(B("LGET"), Replies.BadUtf8));
    }

    [Fact]
    public void LgetWithoutArgumentsReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET"));
    }

    [Fact]
    public void LgetWorksOnAPoisonedStore()
    {
        using var h = WithList();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist"));
        Assert.Equal(Replies.Int(4), h.Q("LGET", "mylist", "LEN"));
    }

    [Fact]
    public void LgetWithAnUnknownSubActionReturnsUnknownAction()
    {
        using var h = WithList();
        Assert.Equal(Replies.UnknownAction, h.Q("LGET", "mylist", "LENGTH"));
        Assert.Equal(Replies.UnknownAction, h.Q("LGET", "nope", "foo", "1", "2"));
        Assert.Equal(Replies.UnknownAction, h.Q(B("LGET"), Replies.BadUtf8, B("")));
    }

    // LEN

    [Fact]
    public void LgetLenReturnsTheLength()
    {
        using var h = WithList();
        Assert.Equal(Replies.Int(4), h.Q("LGET", "mylist", "LEN"));
        Assert.Equal(Replies.Int(0), h.Q("LGET", "empty", "len"));
        Assert.Equal(Replies.Int(4), h.Q("lget", "mylist", "Len"));
    }

    [Fact]
    public void LgetLenWithExtraArgumentsReturnsActionErrorBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "LEN", "x"));
        Assert.Equal(Replies.ActionError, h.Q("LGET", "nope", "LEN", "x"));
        Assert.Equal(Replies.ActionError, h.Q(B("LGET"), Replies.BadUtf8, B("LEN"), B("x")));
    }

    [Fact]
    public void LgetLenChecksEncodingThenLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8, B("LEN")));
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope", "LEN"));
    }

    // LIMIT

    [Fact]
    public void LgetLimitReturnsTheFirstElements()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+', "a", "bb"), h.Q("LGET", "mylist", "LIMIT", "2"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "mylist", "limit", "0"));
        Assert.Equal(Replies.Arr('+', "a"), h.Q("LGET", "mylist", "Limit", "+1"));
    }

    [Fact]
    public void LgetLimitAboveTheLengthReturnsTheWholeList()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist", "LIMIT", "5"));
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist", "LIMIT", "18446744073709551615"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "empty", "LIMIT", "3"));
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
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "mylist", "LIMIT", number));
    }

    [Fact]
    public void LgetLimitParsesTheNumberBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "nope", "LIMIT", "x"));
        Assert.Equal(Replies.Wrongtype, h.Q(B("LGET"), Replies.BadUtf8, B("LIMIT"), B("x")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8, B("LIMIT"), B("1")));
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope", "LIMIT", "1"));
    }

    [Fact]
    public void LgetLimitNeedsExactlyOneArgument()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "LIMIT"));
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "LIMIT", "1", "2"));
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "LIMIT", "x", "y"));
    }

    // VALUEAT

    [Fact]
    public void LgetValueatReturnsTheElement()
    {
        using var h = WithList();
        Assert.Equal(Replies.Val('+', "a"), h.Q("LGET", "mylist", "VALUEAT", "0"));
        Assert.Equal(Replies.Val('+', "d"), h.Q("LGET", "mylist", "valueat", "3"));
        Assert.Equal(Replies.Val('+', "ccc"), h.Q("LGET", "mylist", "ValueAt", "+2"));
    }

    [Fact]
    public void LgetValueatOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.BinstrListBinstr);
        Assert.Equal(Replies.Val('?', "bb"), h.Q("LGET", "mylist", "VALUEAT", "1"));
    }

    [Fact]
    public void LgetValueatOutsideTheListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(Replies.BadIndex, h.Q("LGET", "mylist", "VALUEAT", "4"));
        Assert.Equal(Replies.BadIndex, h.Q("LGET", "empty", "VALUEAT", "0"));
        Assert.Equal(Replies.BadIndex, h.Q("LGET", "mylist", "VALUEAT", "18446744073709551615"));
    }

    [Fact]
    public void LgetValueatChecksArityThenNumberThenEncodingThenLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "VALUEAT"));
        Assert.Equal(Replies.ActionError, h.Q("LGET", "nope", "VALUEAT", "x", "y"));
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "nope", "VALUEAT", "-1"));
        Assert.Equal(Replies.Wrongtype, h.Q(B("LGET"), Replies.BadUtf8, B("VALUEAT"), B("x")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8, B("VALUEAT"), B("99")));
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope", "VALUEAT", "99"));
    }

    // FIRST / LAST

    [Fact]
    public void LgetFirstAndLastReturnTheEnds()
    {
        using var h = WithList();
        Assert.Equal(Replies.Val('+', "a"), h.Q("LGET", "mylist", "FIRST"));
        Assert.Equal(Replies.Val('+', "d"), h.Q("LGET", "mylist", "last"));
        Assert.Equal(Replies.Val('+', "a"), h.Q("LGET", "mylist", "First"));
    }

    [Fact]
    public void LgetFirstAndLastOfAnEmptyListReturnListIsEmpty()
    {
        using var h = WithList();
        Assert.Equal(Replies.ListIsEmpty, h.Q("LGET", "empty", "FIRST"));
        Assert.Equal(Replies.ListIsEmpty, h.Q("LGET", "empty", "LAST"));
    }

    [Theory]
    [InlineData("FIRST")]
    [InlineData("LAST")]
    public void LgetFirstAndLastCheckArityThenEncodingThenLookup(string sub)
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", sub, "0"));
        Assert.Equal(Replies.ActionError, h.Q(B("LGET"), Replies.BadUtf8, B(sub), B("0")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8, B(sub)));
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope", sub));
    }

    // RANGE

    [Fact]
    public void LgetRangeWithStartReturnsTheRest()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+', "ccc", "d"), h.Q("LGET", "mylist", "RANGE", "2"));
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist", "range", "0"));
    }

    [Fact]
    public void LgetRangeWithStartAndStopReturnsTheHalfOpenSlice()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+', "bb", "ccc"), h.Q("LGET", "mylist", "RANGE", "1", "3"));
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc", "d"), h.Q("LGET", "mylist", "Range", "0", "4"));
    }

    [Fact]
    public void LgetRangeOfAnEmptySliceReturnsAnEmptyArray()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "mylist", "RANGE", "2", "2"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "mylist", "RANGE", "4"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "mylist", "RANGE", "4", "4"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "empty", "RANGE", "0"));
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
        var reply = stop is null ? h.Q("LGET", "mylist", "RANGE", start) : h.Q("LGET", "mylist", "RANGE", start, stop);
        Assert.Equal(Replies.BadIndex, reply);
    }

    [Fact]
    public void LgetRangeIgnoresArgumentsAfterStop()
    {
        using var h = WithList();
        Assert.Equal(Replies.Arr('+', "bb"), h.Q("LGET", "mylist", "RANGE", "1", "2", "garbage", "-1"));
    }

    [Fact]
    public void LgetRangeWithoutStartReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LGET", "mylist", "RANGE"));
        Assert.Equal(Replies.ActionError, h.Q(B("LGET"), Replies.BadUtf8, B("RANGE")));
    }

    [Fact]
    public void LgetRangeParsesStartAndStopBeforeEncodingAndLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "mylist", "RANGE", "x"));
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "mylist", "RANGE", "x", "1"));
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "mylist", "RANGE", "1", "-2"));
        Assert.Equal(Replies.Wrongtype, h.Q("LGET", "nope", "RANGE", "0", "x"));
        Assert.Equal(Replies.Wrongtype, h.Q(B("LGET"), Replies.BadUtf8, B("RANGE"), B("0"), B("x")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LGET"), Replies.BadUtf8, B("RANGE"), B("9"), B("1")));
        Assert.Equal(Replies.Nil, h.Q("LGET", "nope", "RANGE", "9", "1"));
    }
}
