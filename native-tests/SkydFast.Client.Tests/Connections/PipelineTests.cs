namespace SkydFast.Client.Tests.Connections;

/// <summary>Several queries, one packet, one round trip, one element per stage (skyhash-1.0.md §3, §6).</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task EachStageGetsItsOwnReplyAndAnErrorDoesNotStopTheRest()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        var pipeline = new SkyPipeline()
            .Add("SET", "a", "1")
            .Add("GET", "a")
            .Add("GET", "missing")
            .Add("MSET", "x", "y", "z")
            .Add(new SkyQuery("MGET").Add("a").Add("missing"))
            .Add("HEYA", "done");
        var replies = await c.PipelineAsync(pipeline);
        Assert.Equal(6, replies.Count);
        Assert.Equal(SkyResponseCode.Okay, Assert.IsType<SkyCode>(replies[0]).Code);
        Assert.Equal("1", Assert.IsType<SkyValue>(replies[1]).Text);
        Assert.Equal(SkyResponseCode.Nil, Assert.IsType<SkyCode>(replies[2]).Code);
        Assert.Equal(SkyResponseCode.ActionError, Assert.IsType<SkyCode>(replies[3]).Code);
        Assert.Equal(["1", null], Connect.Texts(Assert.IsType<SkyTypedArray>(replies[4]).Items));
        Assert.Equal("done", Assert.IsType<SkyValue>(replies[5]).Text);

        // A pipeline can be sent again, and one stage is a simple query.
        Assert.Equal(SkyResponseCode.OverwriteError, Assert.IsType<SkyCode>((await c.PipelineAsync(pipeline))[0]).Code);
        Assert.Equal("HEY!", Assert.IsType<SkyValue>(Assert.Single(await c.PipelineAsync(new SkyPipeline().Add("HEYA")))).Text);
        await Assert.ThrowsAsync<ArgumentException>(() => c.PipelineAsync(new SkyPipeline()));
    }

    [Fact]
    public async Task AThousandStagesComeBackInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        var pipeline = new SkyPipeline();
        for (var i = 0; i < 1000; i++)
        {
            pipeline.Add("HEYA", $"stage {i}");
        }

        var replies = await c.PipelineAsync(pipeline);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"stage {i}"), replies.Select(r => Assert.IsType<SkyValue>(r).Text));
    }

    [Fact]
    public async Task CallsFromManyTasksOnOneConnectionAreServedOneAtATime()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.True(await c.SetAsync($"{t}:{i}", $"{i}"));
                Assert.Equal($"{i}", (await c.GetAsync($"{t}:{i}"))?.Text);
            }
        })));
        Assert.Equal(400UL, await c.DbSizeAsync());
    }
}
