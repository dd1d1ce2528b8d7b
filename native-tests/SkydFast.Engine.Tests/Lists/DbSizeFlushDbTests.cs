namespace SkydFast.Engine.Tests.Lists;

public sealed class DbSizeFlushDbTests
{
    [Fact]
    public void DbsizeCountsTheCurrentTable()
    {
        using var h = TableFixture.Create(defaultKeys: 0);
        Assert.Equal(Replies.Int(0), h.Q("DBSIZE"));
        Assert.Equal(Replies.Okay, h.Q("SET", "x", "1"));
        Assert.Equal(Replies.Okay, h.Q("SET", "y", "2"));
        Assert.Equal(Replies.Int(2), h.Q("dbsize"));
    }

    [Fact]
    public void DbsizeOfAListTableCountsListsNotElements()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:lt"));
        Assert.Equal(Replies.Int(2), h.Q("DBSIZE"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Int(2), h.Q("DBSIZE", "ks:lt"));
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
        Assert.Equal(Replies.Int(expected), h.Q("DBSIZE", entity));
    }

    [Fact]
    public void DbsizeResolvesSingleAndPartialNamesInTheCurrentKeyspace()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Unset, h.Q("DBSIZE"));
        Assert.Equal(Replies.Int(5), h.Q("DBSIZE", "t"));
        Assert.Equal(Replies.Int(5), h.Q("DBSIZE", ":t"));
        Assert.Equal(Replies.NotFound, h.Q("DBSIZE", "other"));
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
        Assert.Equal(Replies.NotFound, h.Q("DBSIZE", entity));
    }

    [Theory]
    [InlineData("", Replies.Malformed)]
    [InlineData(":", Replies.Malformed)]
    [InlineData("a:b:c", Replies.Malformed)]
    [InlineData("ks:", Replies.Malformed)]
    [InlineData("1abc", Replies.BadName)]
    [InlineData("ks:1t", Replies.BadName)]
    [InlineData("k-s:t", Replies.BadName)]
    public void DbsizeWithABadEntityReturnsTheEntityError(string entity, string expected)
    {
        using var h = TableFixture.Create();
        Assert.Equal(expected, h.Q("DBSIZE", entity));
    }

    [Fact]
    public void DbsizeWithTwoArgumentsReturnsActionError()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.ActionError, h.Q("DBSIZE", "ks:t", "x"));
    }

    [Fact]
    public void DbsizeWorksOnAPoisonedStore()
    {
        using var h = TableFixture.Create(defaultKeys: 1);
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Int(1), h.Q("DBSIZE"));
        Assert.Equal(Replies.Int(5), h.Q("DBSIZE", "ks:t"));
    }

    [Fact]
    public void FlushdbEmptiesTheCurrentTableOnly()
    {
        using var h = TableFixture.Create(defaultKeys: 4);
        Assert.Equal(Replies.Okay, h.Q("FLUSHDB"));
        Assert.Equal(Replies.Int(0), h.Q("DBSIZE"));
        Assert.Equal(Replies.Nil, h.Q("GET", "k0"));
        Assert.Equal(Replies.Int(3), h.Q("DBSIZE", "other"));
        Assert.Equal(Replies.Int(5), h.Q("DBSIZE", "ks:t"));
    }

    [Theory]
    [InlineData("ks:t", "ks:t")]
    [InlineData("other", "default:other")]
    [InlineData(":other", "default:other")]
    [InlineData("ks:lt", "ks:lt")]
    public void FlushdbEmptiesTheNamedTableOnly(string entity, string flushed)
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        Assert.Equal(Replies.Okay, h.Q("flushdb", entity));
        foreach (var table in new[] { "default:default", "default:other", "ks:t", "ks:lt" })
        {
            Assert.Equal(table == flushed, h.Q("DBSIZE", table) == Replies.Int(0));
        }
    }

    [Fact]
    public void FlushdbOfAListTableRemovesEveryList()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:lt"));
        Assert.Equal(Replies.Okay, h.Q("FLUSHDB"));
        Assert.Equal(Replies.Int(0), h.Q("DBSIZE"));
        Assert.Equal(Replies.Nil, h.Q("LGET", "l0"));
    }

    [Fact]
    public void FlushdbResolvesTablesLikeDbsize()
    {
        using var h = TableFixture.Create();
        Assert.Equal(Replies.NotFound, h.Q("FLUSHDB", "nope"));
        Assert.Equal(Replies.NotFound, h.Q("FLUSHDB", "ks:nope"));
        Assert.Equal(Replies.Malformed, h.Q("FLUSHDB", "a:b:c"));
        Assert.Equal(Replies.BadName, h.Q("FLUSHDB", "1abc"));
        Assert.Equal(Replies.ActionError, h.Q("FLUSHDB", "ks:t", "x"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Unset, h.Q("FLUSHDB"));
        Assert.Equal(Replies.Okay, h.Q("FLUSHDB", "t"));
        Assert.Equal(Replies.Int(0), h.Q("DBSIZE", "t"));
    }

    [Fact]
    public void FlushdbOnAPoisonedStoreReturnsServerErrorBeforeResolvingTheTable()
    {
        using var h = TableFixture.Create(defaultKeys: 2);
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ServerError, h.Q("FLUSHDB"));
        Assert.Equal(Replies.ServerError, h.Q("FLUSHDB", "ks:t"));
        Assert.Equal(Replies.ServerError, h.Q("FLUSHDB", "nope"));
        Assert.Equal(Replies.ServerError, h.Q("FLUSHDB", "a:b:c"));
        Assert.Equal(Replies.ActionError, h.Q("FLUSHDB", "a", "b"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.ServerError, h.Q("FLUSHDB"));
        Assert.Equal(Replies.Int(2), h.Q("DBSIZE", "default:default"));
        Assert.Equal(Replies.Int(5), h.Q("DBSIZE", "t"));
    }
}
