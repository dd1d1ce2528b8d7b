namespace SkydFast.Engine.Tests.Admin;

/// <summary>The per-connection counts the metrics sum (<see cref="ServerStatistics"/>).</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void QueriesAreCountedPerActionPerStageAndErrorsApart()
    {
        var context = new ServerContext(new Store.CoreStore());
        using (var h = new EngineHarness(context))
        {
            Assert.Equal(Replies.Okay, h.Q("SET", "k", "v"));
            Assert.Equal("*1\n?1\nv\n", h.Q("get", "k"));
            Assert.Equal(Replies.UnknownAction, h.Q("NOPE"));
            Assert.Equal(Replies.ActionError, h.Q("GET"));
            _ = h.Run("*2\n~2\n3\nGET\n1\nk\n~2\n3\nGET\n1\nk\n"u8);
            _ = h.Run("*1\n~1\nX\n"u8);

            var live = context.Statistics.Read();
            Assert.Equal(4, live.Queries[Index("GET")]);
            Assert.Equal(1, live.Queries[Index("SET")]);
            Assert.Equal(1, live.Queries[^1]);
            Assert.Equal(2, live.ErrorResponses);
            Assert.Equal(1, live.ProtocolErrors);
        }

        using (var other = new EngineHarness(context))
        {
            Assert.Equal(Replies.Nil, other.Q("GET", "missing"));
        }

        var closed = context.Statistics.Read();
        Assert.Equal(5, closed.Queries[Index("GET")]);
        Assert.Equal(2, closed.ErrorResponses);
        Assert.Equal(1, closed.ProtocolErrors);
    }

    private static int Index(string action) => ServerStatistics.ActionNames.ToList().IndexOf(action);
}
