using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>HEYA, WHEREAMI, USE and SYS over a real socket.</summary>
public sealed class AdminWireTests
{
    private const string AtDefaultDefault = "*1\n^+2\n7\ndefault\n7\ndefault\n";

    [Fact]
    public async Task HeyaAnswersHeyOrEchoesInAnyCase()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync("*1\n+4\nHEY!\n", "heya");
        await c.ExpectAsync("*1\n+3\nsup\n", "HeYa", "sup");
        await c.ExpectAsync("*1\n+0\n\n", "HEYA", "");
        await c.ExpectAsync(ActionError, "HEYA", "a", "b");
    }

    [Fact]
    public async Task HeyaEchoesABinaryArgumentByteForByte()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        byte[] binary = [0x00, 0xFF, (byte)'\n', 0xC3, 0x28, (byte)'*'];
        var response = await c.QueryAsync("HEYA"u8.ToArray(), binary);
        Assert.Equal([.. "*1\n+6\n"u8, .. binary, (byte)'\n'], RawClient.Latin1(response));
    }

    [Fact]
    public async Task SysAnswersTheVersionsClientsCheckAndTheStorageOnDisk()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Snapshots = true });
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync("*1\n+5\n0.7.7\n", "SYS", "INFO", "version");
        await c.ExpectAsync("*1\n+11\nSkyhash-1.1\n", "sys", "info", "protocol");
        await c.ExpectAsync("*1\n%3\n1.2\n", "SYS", "INFO", "protover");
        await c.ExpectAsync("*1\n+4\ngood\n", "SYS", "METRIC", "health");
        await c.ExpectAsync(Int(38 + 25 + 8 + 8), "SYS", "METRIC", "storage");
        server.Store.IsPoisoned = true;
        await c.ExpectAsync("*1\n+8\ncritical\n", "SYS", "METRIC", "health");
    }

    [Fact]
    public async Task WhereAmIFollowsUse()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(AtDefaultDefault, "WHEREAMI");
        await c.ExpectAsync(ActionError, "WHEREAMI", "x");
        await c.ExpectAsync(Okay, "USE", "system");
        await c.ExpectAsync("*1\n^+1\n6\nsystem\n", "whereami");
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "ks");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "ks:tbl", "keymap(str,str)");
        await c.ExpectAsync(Okay, "use", "ks:tbl");
        await c.ExpectAsync("*1\n^+2\n2\nks\n3\ntbl\n", "WHEREAMI");
        await c.ExpectAsync(Okay, "USE", "ks");
        await c.ExpectAsync("*1\n^+1\n2\nks\n", "WHEREAMI");
        await c.ExpectAsync(Okay, "USE", ":tbl");
        await c.ExpectAsync("*1\n^+2\n2\nks\n3\ntbl\n", "WHEREAMI");
    }

    [Fact]
    public async Task UseErrorsLeaveTheConnectionWhereItWas()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(ActionError, "USE");
        await c.ExpectAsync(ActionError, "USE", "a", "b");
        await c.ExpectAsync(Error("malformed-expression"), "USE", "a:b:c");
        await c.ExpectAsync(Error("bad-container-name"), "USE", "%x");
        await c.ExpectAsync(Error("container-not-found"), "USE", "nosuch");
        await c.ExpectAsync(Error("container-not-found"), "USE", "default:nosuch");
        await c.ExpectAsync(Error("container-not-found"), "USE", ":nosuch");
        await c.ExpectAsync(AtDefaultDefault, "WHEREAMI");
    }

    [Fact]
    public async Task UseIsPerConnection()
    {
        await using var server = await TestServer.StartAsync();
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync();
        await a.ExpectAsync(Okay, "USE", "default");
        await a.ExpectAsync("*1\n^+1\n7\ndefault\n", "WHEREAMI");
        await b.ExpectAsync(AtDefaultDefault, "WHEREAMI");
        await a.ExpectAsync(Error("default-container-unset"), "GET", "x");
    }

    [Fact]
    public async Task UseWorksOnAPoisonedServer()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        server.Store.IsPoisoned = true;
        await c.ExpectAsync(Okay, "USE", "system");
    }
}
