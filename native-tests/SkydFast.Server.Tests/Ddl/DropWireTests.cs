using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>DROP TABLE / DROP KEYSPACE over real sockets, including in-use rules across connections.</summary>
public sealed class DropWireTests
{
    private static async Task<RawClient> WithTableAsync(TestServer server)
    {
        var c = await server.ConnectAsync();
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "ks");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "ks:t", "keymap(str,str)");
        return c;
    }

    [Fact]
    public async Task DropTableChecksEachStepInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await WithTableAsync(server);
        await c.ExpectAsync(ActionError, "DROP");
        await c.ExpectAsync(ActionError, "DROP", "TABLE");
        await c.ExpectAsync(ActionError, "DROP", "TABLE", "ks:t", "x");
        await c.ExpectAsync(Error("unknown-ddl-query"), "DROP", "VIEW", "t");
        await c.ExpectAsync(Error("malformed-expression"), "DROP", "TABLE", "ks:");
        await c.ExpectAsync(Error("bad-container-name"), "DROP", "TABLE", "ks:$t");
        await c.ExpectAsync(Error("container-not-found"), "DROP", "TABLE", "nosuch:default");
        await c.ExpectAsync(Error("err-protected-object"), "DROP", "TABLE", "default");
        await c.ExpectAsync(Error("err-protected-object"), "DROP", "TABLE", "ks:default");
        await c.ExpectAsync(Error("container-not-found"), "DROP", "TABLE", "ks:nosuch");
        await c.ExpectAsync(Okay, "USE", "ks:t");
        await c.ExpectAsync(StillInUse, "DROP", "TABLE", "ks:t");
        await c.ExpectAsync(Okay, "USE", "ks");
        await c.ExpectAsync(Okay, "drop", "table", "t");
        await c.ExpectAsync("*1\n@+0\n", "INSPECT", "KEYSPACE");
    }

    [Fact]
    public async Task DropKeyspaceChecksEachStepInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await WithTableAsync(server);
        await c.ExpectAsync(ActionError, "DROP", "KEYSPACE");
        await c.ExpectAsync(ActionError, "DROP", "KEYSPACE", "ks", "force");
        await c.ExpectAsync(Error("container-name-too-long"), "DROP", "KEYSPACE", new string('%', 64));
        await c.ExpectAsync(Error("err-protected-object"), "DROP", "KEYSPACE", "default");
        await c.ExpectAsync(Error("err-protected-object"), "DROP", "KEYSPACE", "system");
        await c.ExpectAsync(Error("container-not-found"), "DROP", "KEYSPACE", "nosuch");
        await c.ExpectAsync(Error("keyspace-not-empty"), "DROP", "KEYSPACE", "ks");
        await c.ExpectAsync(Okay, "DROP", "TABLE", "ks:t");
        await c.ExpectAsync(Okay, "USE", "ks");
        await c.ExpectAsync(StillInUse, "DROP", "KEYSPACE", "ks");
        await c.ExpectAsync(Okay, "USE", "default");
        await c.ExpectAsync(Okay, "Drop", "Keyspace", "ks");
        Assert.Equal(new HashSet<string> { "default", "system" }, await c.SetAsync("INSPECT", "KEYSPACES"));
    }

    [Fact]
    public async Task DropOnAPoisonedServerValidatesFirstThenRefuses()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await WithTableAsync(server);
        server.Store.IsPoisoned = true;
        await c.ExpectAsync(Error("malformed-expression"), "DROP", "TABLE", "::");
        await c.ExpectAsync(ServerError, "DROP", "TABLE", "nosuch:t");
        await c.ExpectAsync(ServerError, "DROP", "TABLE", "default");
        await c.ExpectAsync(Error("container-name-too-long"), "DROP", "KEYSPACE", new string('k', 64));
        await c.ExpectAsync(ServerError, "DROP", "KEYSPACE", "system");
        server.Store.IsPoisoned = false;
        await c.ExpectAsync(Okay, "DROP", "TABLE", "ks:t");
    }

    [Fact]
    public async Task DropTableAnotherClientSitsInIsStillInUseUntilItSwitchesAway()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await WithTableAsync(server);
        await using var other = await server.ConnectAsync();
        await other.ExpectAsync(Okay, "USE", "ks:t");
        await c.ExpectAsync(StillInUse, "DROP", "TABLE", "ks:t");
        await other.ExpectAsync(Okay, "USE", "default");
        await c.ExpectAsync(Okay, "DROP", "TABLE", "ks:t");
        await other.ExpectAsync(Error("container-not-found"), "USE", "ks:t");
    }

    [Fact]
    public async Task DropTableSucceedsOnceTheClientSittingInItDisconnects()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await WithTableAsync(server);
        var other = await server.ConnectAsync();
        await other.ExpectAsync(Okay, "USE", "ks:t");
        await c.ExpectAsync(StillInUse, "DROP", "TABLE", "ks:t");
        await other.DisposeAsync();
        Assert.Equal(Okay, await c.RetryWhileInUseAsync("DROP", "TABLE", "ks:t"));
    }

    [Fact]
    public async Task DropKeyspaceSucceedsOnceTheClientUsingItDisconnects()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "k");
        var other = await server.ConnectAsync();
        await other.ExpectAsync(Okay, "USE", "k");
        await c.ExpectAsync(StillInUse, "DROP", "KEYSPACE", "k");
        await other.DisposeAsync();
        Assert.Equal(Okay, await c.RetryWhileInUseAsync("DROP", "KEYSPACE", "k"));
    }

    [Fact]
    public async Task PipelinedUseThenDropOfTheSameKeyspaceIsStillInUse()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        var response = await c.PipelineAsync(["CREATE", "KEYSPACE", "p"], ["USE", "p"], ["DROP", "KEYSPACE", "p"], ["USE", "default"], ["DROP", "KEYSPACE", "p"]);
        Assert.Equal("*5\n!1\n0\n!1\n0\n!12\nstill-in-use\n!1\n0\n!1\n0\n", response);
    }
}
