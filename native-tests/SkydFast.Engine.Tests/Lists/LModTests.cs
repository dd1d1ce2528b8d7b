using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LModTests
{
    private static EngineHarness WithList(TableModel model = TableModel.StrListStr) => CreateWithLists(model, "a", "b", "c");

    [Fact]
    public void LmodNeedsASubAction()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist"));
        Assert.Equal(Replies.ActionError, h.Q("LMOD"));
    }

    [Fact]
    public void LmodWithAnUnknownSubActionReturnsUnknownAction()
    {
        using var h = WithList();
        Assert.Equal(Replies.UnknownAction, h.Q("LMOD", "mylist", "APPEND", "x"));
        Assert.Equal(Replies.UnknownAction, h.Q("LMOD", "nope", "LEN"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.UnknownAction, h.Q("LMOD", "mylist", "nope"));
    }

    // CLEAR

    [Fact]
    public void LmodClearEmptiesTheListButKeepsIt()
    {
        using var h = WithList();
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "CLEAR"));
        Assert.Equal(Replies.Arr('+'), h.Q("LGET", "mylist"));
        Assert.Equal(Replies.Okay, h.Q("lmod", "mylist", "clear"));
        Assert.Equal(Replies.Overwrite, h.Q("LSET", "mylist"));
    }

    [Fact]
    public void LmodClearChecksArityThenLookupThenPoison()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "CLEAR", "x"));
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "CLEAR"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "CLEAR", "x"));
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "CLEAR"));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "mylist", "CLEAR"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Arr('+', "a", "b", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodClearDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LMOD"), Replies.BadUtf8, B("CLEAR")));
        Assert.Equal(Replies.Okay, h.Q(B("LSET"), Replies.BadUtf8, B("x")));
        Assert.Equal(Replies.Okay, h.Q(B("LMOD"), Replies.BadUtf8, B("CLEAR")));
    }

    // PUSH

    [Fact]
    public void LmodPushAppendsEveryValueInOrder()
    {
        using var h = WithList();
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "PUSH", "d"));
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "push", "e", "f", ""));
        Assert.Equal(Replies.Okay, h.Q("LMOD", "empty", "Push", "z"));
        Assert.Equal(Replies.Arr('+', "a", "b", "c", "d", "e", "f", ""), h.Q("LGET", "mylist"));
        Assert.Equal(Replies.Arr('+', "z"), h.Q("LGET", "empty"));
    }

    [Fact]
    public void LmodPushWithoutValuesReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "PUSH"));
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "nope", "PUSH"));
    }

    [Fact]
    public void LmodPushLooksUpThenChecksEncodingThenPoison()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LMOD"), B("nope"), B("PUSH"), Replies.BadUtf8));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), B("mylist"), B("PUSH"), B("ok"), Replies.BadUtf8));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "PUSH", "x"));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), B("mylist"), B("PUSH"), Replies.BadUtf8));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "mylist", "PUSH", "x"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Arr('+', "a", "b", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodPushDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LMOD"), Replies.BadUtf8, B("PUSH"), B("x")));
    }

    [Fact]
    public void LmodPushIntoABinstrListAcceptsAnyBytes()
    {
        using var h = WithList(TableModel.StrListBinstr);
        Assert.Equal(Replies.Okay, h.Q(B("LMOD"), B("mylist"), B("PUSH"), Replies.BadUtf8));
        Assert.Equal(Replies.Val('?', "\u00FF"), h.Q("LGET", "mylist", "LAST"));
    }

    // REMOVE

    [Fact]
    public void LmodRemoveDeletesTheElement()
    {
        using var h = WithList();
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "REMOVE", "1"));
        Assert.Equal(Replies.Arr('+', "a", "c"), h.Q("LGET", "mylist"));
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "remove", "+1"));
        Assert.Equal(Replies.Arr('+', "a"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodRemoveOutsideTheListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "mylist", "REMOVE", "3"));
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "empty", "REMOVE", "0"));
        Assert.Equal(Replies.Arr('+', "a", "b", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodRemoveChecksArityThenNumberThenPoisonThenLookup()
    {
        using var h = WithList();
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "REMOVE"));
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "REMOVE", "1", "2"));
        Assert.Equal(Replies.Wrongtype, h.Q("LMOD", "nope", "REMOVE", "-1"));
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "REMOVE", "0"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Wrongtype, h.Q("LMOD", "nope", "REMOVE", "x"));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "nope", "REMOVE", "0"));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "mylist", "REMOVE", "0"));
    }

    [Fact]
    public void LmodRemoveDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LMOD"), Replies.BadUtf8, B("REMOVE"), B("0")));
    }

    // INSERT

    [Fact]
    public void LmodInsertPutsTheValueBeforeTheIndex()
    {
        using var h = WithList();
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "INSERT", "0", "x"));
        Assert.Equal(Replies.Okay, h.Q("LMOD", "mylist", "insert", "3", "y"));
        Assert.Equal(Replies.Arr('+', "x", "a", "b", "y", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodInsertAtTheEndOrIntoAnEmptyListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "mylist", "INSERT", "3", "x"));
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "empty", "INSERT", "0", "x"));
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "mylist", "INSERT", "18446744073709551615", "x"));
        Assert.Equal(Replies.Arr('+', "a", "b", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodInsertChecksArityNumberValuePoisonKeyThenLookup()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "INSERT", "0"));
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "INSERT", "0", "x", "y"));
        Assert.Equal(Replies.Wrongtype, h.Q(B("LMOD"), Replies.BadUtf8, B("INSERT"), B("x"), Replies.BadUtf8));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), B("nope"), B("INSERT"), B("0"), Replies.BadUtf8));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), Replies.BadUtf8, B("INSERT"), B("0"), B("x")));
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "INSERT", "0", "x"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), B("mylist"), B("INSERT"), B("0"), Replies.BadUtf8));
        Assert.Equal(Replies.ServerError, h.Q(B("LMOD"), Replies.BadUtf8, B("INSERT"), B("0"), B("x")));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "nope", "INSERT", "0", "x"));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "mylist", "INSERT", "0", "x"));
    }

    [Fact]
    public void LmodInsertWithAnInvalidUtf8NameOnABinstrKeyTableLooksItUp()
    {
        using var h = WithList(TableModel.BinstrListStr);
        Assert.Equal(Replies.Nil, h.Q(B("LMOD"), Replies.BadUtf8, B("INSERT"), B("0"), B("x")));
    }

    // POP

    [Fact]
    public void LmodPopWithoutIndexRemovesAndReturnsTheLastElement()
    {
        using var h = WithList();
        Assert.Equal(Replies.Val('+', "c"), h.Q("LMOD", "mylist", "POP"));
        Assert.Equal(Replies.Val('+', "b"), h.Q("LMOD", "mylist", "pop"));
        Assert.Equal(Replies.Arr('+', "a"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopWithIndexRemovesAndReturnsThatElement()
    {
        using var h = WithList();
        Assert.Equal(Replies.Val('+', "b"), h.Q("LMOD", "mylist", "POP", "1"));
        Assert.Equal(Replies.Val('+', "a"), h.Q("LMOD", "mylist", "Pop", "+0"));
        Assert.Equal(Replies.Arr('+', "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.BinstrListBinstr);
        Assert.Equal(Replies.Val('?', "c"), h.Q("LMOD", "mylist", "POP"));
    }

    [Fact]
    public void LmodPopOfAnEmptyListOrOutsideItReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "empty", "POP"));
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "empty", "POP", "0"));
        Assert.Equal(Replies.BadIndex, h.Q("LMOD", "mylist", "POP", "3"));
        Assert.Equal(Replies.Arr('+', "a", "b", "c"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopChecksArityNumberPoisonKeyThenLookup()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(Replies.ActionError, h.Q("LMOD", "mylist", "POP", "0", "1"));
        Assert.Equal(Replies.Wrongtype, h.Q(B("LMOD"), Replies.BadUtf8, B("POP"), B("x")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), Replies.BadUtf8, B("POP")));
        Assert.Equal(Replies.EncodingError, h.Q(B("LMOD"), Replies.BadUtf8, B("POP"), B("0")));
        Assert.Equal(Replies.Nil, h.Q("LMOD", "nope", "POP"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Wrongtype, h.Q("LMOD", "mylist", "POP", "-1"));
        Assert.Equal(Replies.ServerError, h.Q(B("LMOD"), Replies.BadUtf8, B("POP")));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "nope", "POP"));
        Assert.Equal(Replies.ServerError, h.Q("LMOD", "mylist", "POP"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Int(3), h.Q("LGET", "mylist", "LEN"));
    }
}
