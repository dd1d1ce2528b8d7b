using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LSetTests
{
    [Fact]
    public void LsetCreatesTheListWithItsElementsInOrder()
    {
        using var h = Create();
        Assert.Equal(Replies.Okay, h.Q("LSET", "mylist", "a", "bb", "ccc"));
        Assert.Equal(Replies.Arr('+', "a", "bb", "ccc"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LsetWithoutElementsCreatesAnEmptyList()
    {
        using var h = Create();
        Assert.Equal(Replies.Okay, h.Q("LSET", "mylist"));
        Assert.Equal("*1\n@+0\n", h.Q("LGET", "mylist"));
        Assert.Equal(Replies.Int(1), h.Q("DBSIZE"));
    }

    [Fact]
    public void LsetOnAnExistingListReturnsOverwriteErrorAndKeepsTheList()
    {
        using var h = Create();
        Assert.Equal(Replies.Okay, h.Q("LSET", "mylist", "a"));
        Assert.Equal(Replies.Overwrite, h.Q("LSET", "mylist", "x", "y"));
        Assert.Equal(Replies.Overwrite, h.Q("LSET", "mylist"));
        Assert.Equal(Replies.Arr('+', "a"), h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LsetWithoutArgumentsReturnsActionError()
    {
        using var h = Create();
        Assert.Equal(Replies.ActionError, h.Q("LSET"));
    }

    [Fact]
    public void LsetIsCaseInsensitive()
    {
        using var h = Create();
        Assert.Equal(Replies.Okay, h.Q("lset", "a", "1"));
        Assert.Equal(Replies.Overwrite, h.Q("LsEt", "a", "1"));
    }

    [Fact]
    public void LsetChecksNoEncodingOfNameOrElements()
    {
        using var h = Create(TableModel.StrListStr);
        Assert.Equal(Replies.Okay, h.Q(B("LSET"), Replies.BadUtf8, B("ok"), [0xC0, 0x80]));
        Assert.Equal(Replies.Overwrite, h.Q(B("LSET"), Replies.BadUtf8));
        Assert.True(h.Session.CurrentTable!.Lists!.TryGetValue(Replies.BadUtf8, out var list));
        Assert.Equal([B("ok"), [0xC0, 0x80]], list.Items);
    }

    [Fact]
    public void LsetStoresInvalidUtf8ElementsThatLgetReturnsByteExact()
    {
        using var h = Create(TableModel.BinstrListStr);
        Assert.Equal(Replies.Okay, h.Q(B("LSET"), B("l1"), Replies.BadUtf8));
        Assert.Equal("*1\n@+1\n1\n\u00FF\n", h.Q("LGET", "l1"));
    }

    [Fact]
    public void LsetOnPoisonedStoreReturnsServerErrorAndCreatesNothing()
    {
        using var h = Create();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ServerError, h.Q("LSET", "mylist", "a"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Nil, h.Q("LGET", "mylist"));
    }

    [Fact]
    public void LsetChecksTheModelBeforePoison()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.WrongModel, h.Q("LSET", "mylist", "a"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Unset, h.Q("LSET", "mylist", "a"));
    }

    [Fact]
    public void LsetChecksArityBeforeTheTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.ActionError, h.Q("LSET"));
    }

    [Fact]
    public void ListActionsOnAKeyValueTableReturnWrongModel()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.WrongModel, h.Q("LSET", "x"));
        Assert.Equal(Replies.WrongModel, h.Q("LGET", "x"));
        Assert.Equal(Replies.WrongModel, h.Q("LGET", "x", "LEN"));
        Assert.Equal(Replies.WrongModel, h.Q("LMOD", "x", "CLEAR"));
        Assert.Equal(Replies.WrongModel, h.Q("LMOD", "x", "nonsense"));
    }

    [Fact]
    public void ListActionsWithoutACurrentTableReturnDefaultContainerUnset()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Unset, h.Q("LGET", "x"));
        Assert.Equal(Replies.Unset, h.Q("LMOD", "x", "CLEAR"));
    }

    [Fact]
    public void KeyValueActionsOnAListTableReturnWrongModel()
    {
        using var h = Create();
        Assert.Equal(Replies.WrongModel, h.Q("GET", "x"));
        Assert.Equal(Replies.WrongModel, h.Q("SET", "x", "y"));
    }
}
