using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

public sealed class LSetTests
{
    [Fact]
    public void LsetCreatesTheListWithItsElementsInOrder()
    {
        using var h = Create();
        Assert.Equal(R.Ok, h.Text("LSET", "mylist", "a", "bb", "ccc"));
        Assert.Equal(R.Arr('+', "a", "bb", "ccc"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LsetWithoutElementsCreatesAnEmptyList()
    {
        using var h = Create();
        Assert.Equal(R.Ok, h.Text("LSET", "mylist"));
        Assert.Equal("*1\n@+0\n", h.Text("LGET", "mylist"));
        Assert.Equal(R.Int(1), h.Text("DBSIZE"));
    }

    [Fact]
    public void LsetOnAnExistingListReturnsOverwriteErrorAndKeepsTheList()
    {
        using var h = Create();
        Assert.Equal(R.Ok, h.Text("LSET", "mylist", "a"));
        Assert.Equal(R.Ovw, h.Text("LSET", "mylist", "x", "y"));
        Assert.Equal(R.Ovw, h.Text("LSET", "mylist"));
        Assert.Equal(R.Arr('+', "a"), h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LsetWithoutArgumentsReturnsActionError()
    {
        using var h = Create();
        Assert.Equal(R.Aerr, h.Text("LSET"));
    }

    [Fact]
    public void LsetIsCaseInsensitive()
    {
        using var h = Create();
        Assert.Equal(R.Ok, h.Text("lset", "a", "1"));
        Assert.Equal(R.Ovw, h.Text("LsEt", "a", "1"));
    }

    [Fact]
    public void LsetChecksNoEncodingOfNameOrElements()
    {
        using var h = Create(TableModel.StrListStr);
        Assert.Equal(R.Ok, h.Text(B("LSET"), R.BadUtf8, B("ok"), [0xC0, 0x80]));
        Assert.Equal(R.Ovw, h.Text(B("LSET"), R.BadUtf8));
        Assert.True(h.Session.CurrentTable!.Lists!.TryGetValue(R.BadUtf8, out var list));
        Assert.Equal([B("ok"), [0xC0, 0x80]], list.Items);
    }

    [Fact]
    public void LsetStoresInvalidUtf8ElementsThatLgetReturnsByteExact()
    {
        using var h = Create(TableModel.BinstrListStr);
        Assert.Equal(R.Ok, h.Text(B("LSET"), B("l1"), R.BadUtf8));
        Assert.Equal("*1\n@+1\n1\n\u00FF\n", h.Text("LGET", "l1"));
    }

    [Fact]
    public void LsetOnPoisonedStoreReturnsServerErrorAndCreatesNothing()
    {
        using var h = Create();
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Serr, h.Text("LSET", "mylist", "a"));
        h.Store.IsPoisoned = false;
        Assert.Equal(R.Nil, h.Text("LGET", "mylist"));
    }

    [Fact]
    public void LsetChecksTheModelBeforePoison()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(R.WrongModel, h.Text("LSET", "mylist", "a"));
        Assert.Equal(R.Ok, h.Text("USE", "default"));
        Assert.Equal(R.Unset, h.Text("LSET", "mylist", "a"));
    }

    [Fact]
    public void LsetChecksArityBeforeTheTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(R.Ok, h.Text("USE", "default"));
        Assert.Equal(R.Aerr, h.Text("LSET"));
    }

    [Fact]
    public void ListActionsOnAKeyValueTableReturnWrongModel()
    {
        using var h = new EngineHarness();
        Assert.Equal(R.WrongModel, h.Text("LSET", "x"));
        Assert.Equal(R.WrongModel, h.Text("LGET", "x"));
        Assert.Equal(R.WrongModel, h.Text("LGET", "x", "LEN"));
        Assert.Equal(R.WrongModel, h.Text("LMOD", "x", "CLEAR"));
        Assert.Equal(R.WrongModel, h.Text("LMOD", "x", "nonsense"));
    }

    [Fact]
    public void ListActionsWithoutACurrentTableReturnDefaultContainerUnset()
    {
        using var h = new EngineHarness();
        Assert.Equal(R.Ok, h.Text("USE", "default"));
        Assert.Equal(R.Unset, h.Text("LGET", "x"));
        Assert.Equal(R.Unset, h.Text("LMOD", "x", "CLEAR"));
    }

    [Fact]
    public void KeyValueActionsOnAListTableReturnWrongModel()
    {
        using var h = Create();
        Assert.Equal(R.WrongModel, h.Text("GET", "x"));
        Assert.Equal(R.WrongModel, h.Text("SET", "x", "y"));
    }
}
