namespace SkydFast.Engine.Tests.Lists;

public sealed class DbSizeFlushDbTests
{
    [Fact]
    public void DbsizeCountsTheCurrentTable()
    {
        using var h = TableFixture.Create(defaultKeys: 0);
        Assert.Equal(R.Int(0), h.Text("DBSIZE"));
        Assert.Equal(R.Ok, h.Text("SET", "x", "1"));
        Assert.Equal(R.Ok, h.Text("SET", "y", "2"));
        Assert.Equal(R.Int(2), h.Text("dbsize"));
    }

    [Fact]
    public void DbsizeOfAListTableCountsListsNotElements()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Ok, h.Text("USE", "ks:lt"));
        Assert.Equal(R.Int(2), h.Text("DBSIZE"));
        Assert.Equal(R.Ok, h.Text("USE", "default"));
        Assert.Equal(R.Int(2), h.Text("DBSIZE", "ks:lt"));
    }

    [Theory]
    [InlineData("ks:t", 5)]
    [InlineData("default:other", 3)]
    [InlineData("other", 3)]
    [InlineData(":other", 3)]
    [InlineData("default", 12)]
    public void DbsizeCountsTheNamedTable(string entity, int expected)
    {
        using var h = TableFixture.Create(defaultKeys: 12);
        Assert.Equal(R.Int(expected), h.Text("DBSIZE", entity));
    }

    [Fact]
    public void DbsizeResolvesSingleAndPartialNamesInTheCurrentKeyspace()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Ok, h.Text("USE", "ks"));
        Assert.Equal(R.Unset, h.Text("DBSIZE"));
        Assert.Equal(R.Int(5), h.Text("DBSIZE", "t"));
        Assert.Equal(R.Int(5), h.Text("DBSIZE", ":t"));
        Assert.Equal(R.NotFound, h.Text("DBSIZE", "other"));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData(":nope")]
    [InlineData("ks:nope")]
    [InlineData("nope:t")]
    [InlineData("t")]
    [InlineData("system:t")]
    public void DbsizeOfAMissingTableReturnsContainerNotFound(string entity)
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.NotFound, h.Text("DBSIZE", entity));
    }

    [Theory]
    [InlineData("", R.Malformed)]
    [InlineData(":", R.Malformed)]
    [InlineData("a:b:c", R.Malformed)]
    [InlineData("ks:", R.Malformed)]
    [InlineData("1abc", R.BadName)]
    [InlineData("ks:1t", R.BadName)]
    [InlineData("k-s:t", R.BadName)]
    public void DbsizeWithABadEntityReturnsTheEntityError(string entity, string expected)
    {
        using var h = TableFixture.Create();
        Assert.Equal(expected, h.Text("DBSIZE", entity));
    }

    [Fact]
    public void DbsizeWithTwoArgumentsReturnsActionError()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Aerr, h.Text("DBSIZE", "ks:t", "x"));
    }

    [Fact]
    public void DbsizeWorksOnAPoisonedStore()
    {
        using var h = TableFixture.Create(defaultKeys: 1);
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Int(1), h.Text("DBSIZE"));
        Assert.Equal(R.Int(5), h.Text("DBSIZE", "ks:t"));
    }

    [Fact]
    public void FlushdbEmptiesTheCurrentTableOnly()
    {
        using var h = TableFixture.Create(defaultKeys: 4);
        Assert.Equal(R.Ok, h.Text("FLUSHDB"));
        Assert.Equal(R.Int(0), h.Text("DBSIZE"));
        Assert.Equal(R.Nil, h.Text("GET", "k0"));
        Assert.Equal(R.Int(3), h.Text("DBSIZE", "other"));
        Assert.Equal(R.Int(5), h.Text("DBSIZE", "ks:t"));
    }

    [Theory]
    [InlineData("ks:t", "ks:t")]
    [InlineData("other", "default:other")]
    [InlineData(":other", "default:other")]
    [InlineData("ks:lt", "ks:lt")]
    public void FlushdbEmptiesTheNamedTableOnly(string entity, string flushed)
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        Assert.Equal(R.Ok, h.Text("flushdb", entity));
        foreach (var table in new[] { "default:default", "default:other", "ks:t", "ks:lt" })
        {
            Assert.Equal(table == flushed, h.Text("DBSIZE", table) == R.Int(0));
        }
    }

    [Fact]
    public void FlushdbOfAListTableRemovesEveryList()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.Ok, h.Text("USE", "ks:lt"));
        Assert.Equal(R.Ok, h.Text("FLUSHDB"));
        Assert.Equal(R.Int(0), h.Text("DBSIZE"));
        Assert.Equal(R.Nil, h.Text("LGET", "l0"));
    }

    [Fact]
    public void FlushdbResolvesTablesLikeDbsize()
    {
        using var h = TableFixture.Create();
        Assert.Equal(R.NotFound, h.Text("FLUSHDB", "nope"));
        Assert.Equal(R.NotFound, h.Text("FLUSHDB", "ks:nope"));
        Assert.Equal(R.Malformed, h.Text("FLUSHDB", "a:b:c"));
        Assert.Equal(R.BadName, h.Text("FLUSHDB", "1abc"));
        Assert.Equal(R.Aerr, h.Text("FLUSHDB", "ks:t", "x"));
        Assert.Equal(R.Ok, h.Text("USE", "ks"));
        Assert.Equal(R.Unset, h.Text("FLUSHDB"));
        Assert.Equal(R.Ok, h.Text("FLUSHDB", "t"));
        Assert.Equal(R.Int(0), h.Text("DBSIZE", "t"));
    }

    [Fact]
    public void FlushdbOnAPoisonedStoreReturnsServerErrorBeforeResolvingTheTable()
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        h.Store.IsPoisoned = true;
        Assert.Equal(R.Serr, h.Text("FLUSHDB"));
        Assert.Equal(R.Serr, h.Text("FLUSHDB", "ks:t"));
        Assert.Equal(R.Serr, h.Text("FLUSHDB", "nope"));
        Assert.Equal(R.Serr, h.Text("FLUSHDB", "a:b:c"));
        Assert.Equal(R.Aerr, h.Text("FLUSHDB", "a", "b"));
        Assert.Equal(R.Ok, h.Text("USE", "ks"));
        Assert.Equal(R.Serr, h.Text("FLUSHDB"));
        Assert.Equal(R.Int(2), h.Text("DBSIZE", "default:default"));
        Assert.Equal(R.Int(5), h.Text("DBSIZE", "t"));
    }
}
