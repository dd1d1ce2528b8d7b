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
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist"));
        Assert.Equal(R.Aerr, h.Text("LMOD"));
    }

    [Fact]
    public void LmodWithAnUnknownSubActionReturnsUnknownAction()
    {
        using var h = WithList();
        Assert.Equal(R.UnknownAction, h.Text("LMOD", "mylist", "APPEND", "x"));
        Assert.Equal(R.UnknownAction, h.Text("LMOD", "nope", "LEN"));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.UnknownAction, h.Text("LMOD", "mylist", "nope"));
    }

    // CLEAR

    [Fact]
    public void LmodClearEmptiesTheListButKeepsIt()
    {
        using var h = WithList();
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "CLEAR"));
        Assert.Equal(R.Arr('+'), h.Text("LGET", "mylist"));
        Assert.Equal(R.Ok, h.Text("lmod", "mylist", "clear"));
        Assert.Equal(R.Ovw, h.Text("LSET", "mylist"));
    }

    [Fact]
    public void LmodClearChecksArityThenLookupThenPoison()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "CLEAR", "x"));
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "CLEAR"));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "CLEAR", "x"));
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "CLEAR"));
        Assert.Equal(R.Serr, h.Text("LMOD", "mylist", "CLEAR"));
        h.Store.IsPoisoned = false;
        Assert.Equal(R.Arr('+', "a", "b", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodClearDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Nil, h.Text(B("LMOD"), R.BadUtf8, B("CLEAR")));
        Assert.Equal(R.Ok, h.Text(B("LSET"), R.BadUtf8, B("x")));
        Assert.Equal(R.Ok, h.Text(B("LMOD"), R.BadUtf8, B("CLEAR")));
    }

    // PUSH

    [Fact]
    public void LmodPushAppendsEveryValueInOrder()
    {
        using var h = WithList();
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "PUSH", "d"));
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "push", "e", "f", ""));
        Assert.Equal(R.Ok, h.Text("LMOD", "empty", "Push", "z"));
        Assert.Equal(R.Arr('+', "a", "b", "c", "d", "e", "f", ""), h.Text("LGET", "mylist"));
        Assert.Equal(R.Arr('+', "z"), h.Text("LGET", "empty"));
    }

    [Fact]
    public void LmodPushWithoutValuesReturnsActionError()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "PUSH"));
        Assert.Equal(R.Aerr, h.Text("LMOD", "nope", "PUSH"));
    }

    [Fact]
    public void LmodPushLooksUpThenChecksEncodingThenPoison()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Nil, h.Text(B("LMOD"), B("nope"), B("PUSH"), R.BadUtf8));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), B("mylist"), B("PUSH"), B("ok"), R.BadUtf8));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "PUSH", "x"));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), B("mylist"), B("PUSH"), R.BadUtf8));
        Assert.Equal(R.Serr, h.Text("LMOD", "mylist", "PUSH", "x"));
        h.Store.IsPoisoned = false;
        Assert.Equal(R.Arr('+', "a", "b", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodPushDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Nil, h.Text(B("LMOD"), R.BadUtf8, B("PUSH"), B("x")));
    }

    [Fact]
    public void LmodPushIntoABinstrListAcceptsAnyBytes()
    {
        using var h = WithList(TableModel.StrListBinstr);
        Assert.Equal(R.Ok, h.Text(B("LMOD"), B("mylist"), B("PUSH"), R.BadUtf8));
        Assert.Equal(R.Val('?', "\u00FF"), h.Text("LGET", "mylist", "LAST"));
    }

    // REMOVE

    [Fact]
    public void LmodRemoveDeletesTheElement()
    {
        using var h = WithList();
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "REMOVE", "1"));
        Assert.Equal(R.Arr('+', "a", "c"), h.Text("LGET", "mylist"));
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "remove", "+1"));
        Assert.Equal(R.Arr('+', "a"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodRemoveOutsideTheListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(R.BadIndex, h.Text("LMOD", "mylist", "REMOVE", "3"));
        Assert.Equal(R.BadIndex, h.Text("LMOD", "empty", "REMOVE", "0"));
        Assert.Equal(R.Arr('+', "a", "b", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodRemoveChecksArityThenNumberThenPoisonThenLookup()
    {
        using var h = WithList();
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "REMOVE"));
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "REMOVE", "1", "2"));
        Assert.Equal(R.Wt, h.Text("LMOD", "nope", "REMOVE", "-1"));
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "REMOVE", "0"));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Wt, h.Text("LMOD", "nope", "REMOVE", "x"));
        Assert.Equal(R.Serr, h.Text("LMOD", "nope", "REMOVE", "0"));
        Assert.Equal(R.Serr, h.Text("LMOD", "mylist", "REMOVE", "0"));
    }

    [Fact]
    public void LmodRemoveDoesNoKeyEncodingCheck()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Nil, h.Text(B("LMOD"), R.BadUtf8, B("REMOVE"), B("0")));
    }

    // INSERT

    [Fact]
    public void LmodInsertPutsTheValueBeforeTheIndex()
    {
        using var h = WithList();
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "INSERT", "0", "x"));
        Assert.Equal(R.Ok, h.Text("LMOD", "mylist", "insert", "3", "y"));
        Assert.Equal(R.Arr('+', "x", "a", "b", "y", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodInsertAtTheEndOrIntoAnEmptyListReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(R.BadIndex, h.Text("LMOD", "mylist", "INSERT", "3", "x"));
        Assert.Equal(R.BadIndex, h.Text("LMOD", "empty", "INSERT", "0", "x"));
        Assert.Equal(R.BadIndex, h.Text("LMOD", "mylist", "INSERT", "18446744073709551615", "x"));
        Assert.Equal(R.Arr('+', "a", "b", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodInsertChecksArityNumberValuePoisonKeyThenLookup()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "INSERT", "0"));
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "INSERT", "0", "x", "y"));
        Assert.Equal(R.Wt, h.Text(B("LMOD"), R.BadUtf8, B("INSERT"), B("x"), R.BadUtf8));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), B("nope"), B("INSERT"), B("0"), R.BadUtf8));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), R.BadUtf8, B("INSERT"), B("0"), B("x")));
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "INSERT", "0", "x"));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Enc, h.Text(B("LMOD"), B("mylist"), B("INSERT"), B("0"), R.BadUtf8));
        Assert.Equal(R.Serr, h.Text(B("LMOD"), R.BadUtf8, B("INSERT"), B("0"), B("x")));
        Assert.Equal(R.Serr, h.Text("LMOD", "nope", "INSERT", "0", "x"));
        Assert.Equal(R.Serr, h.Text("LMOD", "mylist", "INSERT", "0", "x"));
    }

    [Fact]
    public void LmodInsertWithAnInvalidUtf8NameOnABinstrKeyTableLooksItUp()
    {
        using var h = WithList(TableModel.BinstrListStr);
        Assert.Equal(R.Nil, h.Text(B("LMOD"), R.BadUtf8, B("INSERT"), B("0"), B("x")));
    }

    // POP

    [Fact]
    public void LmodPopWithoutIndexRemovesAndReturnsTheLastElement()
    {
        using var h = WithList();
        Assert.Equal(R.Val('+', "c"), h.Text("LMOD", "mylist", "POP"));
        Assert.Equal(R.Val('+', "b"), h.Text("LMOD", "mylist", "pop"));
        Assert.Equal(R.Arr('+', "a"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopWithIndexRemovesAndReturnsThatElement()
    {
        using var h = WithList();
        Assert.Equal(R.Val('+', "b"), h.Text("LMOD", "mylist", "POP", "1"));
        Assert.Equal(R.Val('+', "a"), h.Text("LMOD", "mylist", "Pop", "+0"));
        Assert.Equal(R.Arr('+', "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopOfABinstrListUsesTheBinaryTypeSymbol()
    {
        using var h = WithList(TableModel.BinstrListBinstr);
        Assert.Equal(R.Val('?', "c"), h.Text("LMOD", "mylist", "POP"));
    }

    [Fact]
    public void LmodPopOfAnEmptyListOrOutsideItReturnsBadListIndex()
    {
        using var h = WithList();
        Assert.Equal(R.BadIndex, h.Text("LMOD", "empty", "POP"));
        Assert.Equal(R.BadIndex, h.Text("LMOD", "empty", "POP", "0"));
        Assert.Equal(R.BadIndex, h.Text("LMOD", "mylist", "POP", "3"));
        Assert.Equal(R.Arr('+', "a", "b", "c"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LmodPopChecksArityNumberPoisonKeyThenLookup()
    {
        using var h = WithList(TableModel.StrListStr);
        Assert.Equal(R.Aerr, h.Text("LMOD", "mylist", "POP", "0", "1"));
        Assert.Equal(R.Wt, h.Text(B("LMOD"), R.BadUtf8, B("POP"), B("x")));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), R.BadUtf8, B("POP")));
        Assert.Equal(R.Enc, h.Text(B("LMOD"), R.BadUtf8, B("POP"), B("0")));
        Assert.Equal(R.Nil, h.Text("LMOD", "nope", "POP"));
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Wt, h.Text("LMOD", "mylist", "POP", "-1"));
        Assert.Equal(R.Serr, h.Text(B("LMOD"), R.BadUtf8, B("POP")));
        Assert.Equal(R.Serr, h.Text("LMOD", "nope", "POP"));
        Assert.Equal(R.Serr, h.Text("LMOD", "mylist", "POP"));
        h.Store.IsPoisoned = false;
        Assert.Equal(R.Int(3), h.Text("LGET", "mylist", "LEN"));
    }
}
