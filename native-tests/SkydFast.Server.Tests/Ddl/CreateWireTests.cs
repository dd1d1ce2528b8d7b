using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>CREATE TABLE / CREATE KEYSPACE over a real socket, every step of actions.md §7.</summary>
public sealed class CreateWireTests
{
    private static readonly byte[] NotUtf8 = [0xC0, 0x80];

    [Fact]
    public async Task CreateTableChecksEachStepInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(ActionError, "CREATE");
        await c.ExpectAsync(ActionError, "CREATE", "TABLE");
        await c.ExpectAsync(ActionError, "CREATE", "TABLE", "t");
        await c.ExpectAsync(ActionError, "CREATE", "TABLE", "t", "keymap(str,str)", "volatile", "x");
        await c.ExpectAsync(Error("unknown-ddl-query"), "CREATE", "INDEX", "t");
        Assert.Equal(EncodingError, await c.QueryAsync("CREATE"u8.ToArray(), "TABLE"u8.ToArray(), NotUtf8, "keymap(str,str)"u8.ToArray()));
        Assert.Equal(EncodingError, await c.QueryAsync("CREATE"u8.ToArray(), "TABLE"u8.ToArray(), "1t"u8.ToArray(), NotUtf8));
        await c.ExpectAsync(Error("malformed-expression"), "CREATE", "TABLE", "a::b", "nonsense");
        await c.ExpectAsync(Error("bad-container-name"), "CREATE", "TABLE", "1t", "nonsense");
        await c.ExpectAsync(Error("malformed-expression"), "CREATE", "TABLE", "t", "keymap(str,str");
        await c.ExpectAsync(Error("unknown-model"), "CREATE", "TABLE", "t", "hashmap(str,str)");
        await c.ExpectAsync(Error("too-many-args"), "CREATE", "TABLE", "t", "keymap(str,str,str)", "nonsense");
        await c.ExpectAsync(Error("bad-type-for-key"), "CREATE", "TABLE", "t", "keymap(list<str>,str)");
        await c.ExpectAsync(UnknownDataType, "CREATE", "TABLE", "t", "keymap(wth,str)");
        await c.ExpectAsync(Error("unknown-property"), "CREATE", "TABLE", "t", "keymap(str,str)", "Volatile");
        await c.ExpectAsync(Error("container-not-found"), "CREATE", "TABLE", "nosuch:t", "keymap(str,str)");
        await c.ExpectAsync(Error("err-already-exists"), "CREATE", "TABLE", "default", "keymap(str,str)");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "t", "keymap(str,str)", "volatile");
        await c.ExpectAsync(Error("err-already-exists"), "CREATE", "TABLE", "default:t", "keymap(str,str)");
        await c.ExpectAsync(Str("Keymap { data:(str,str), volatile:true }"), "INSPECT", "TABLE", "t");
        await c.ExpectAsync("*1\n^+2\n7\ndefault\n7\ndefault\n", "WHEREAMI");
    }

    [Fact]
    public async Task CreateTableKeywordsAreCaseInsensitive()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(Okay, "create", "table", "lower", "keymap(str,str)");
        await c.ExpectAsync(Okay, "CrEaTe", "tAbLe", "mixed", "keymap(binstr,list<binstr>)");
        await c.ExpectAsync(Str("Keymap { data:(binstr,list<binstr>), volatile:false }"), "inspect", "table", "mixed");
        Assert.Equal(new HashSet<string> { "default", "lower", "mixed" }, await c.SetAsync("INSPECT", "KEYSPACE"));
    }

    [Fact]
    public async Task CreateTableInTheSystemPlaceholderIsAccepted()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "system:x", "keymap(str,str)");
        Assert.Equal(new HashSet<string> { "x" }, await c.SetAsync("INSPECT", "KEYSPACE", "system"));
    }

    [Fact]
    public async Task CreateTableInAnotherKeyspaceAndThroughPartialEntities()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "ks");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "ks:a", "keymap(str,str)");
        await c.ExpectAsync(Okay, "USE", "ks");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", ":b", "keymap(str,str)");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "c", "keymap(str,str)");
        Assert.Equal(new HashSet<string> { "a", "b", "c" }, await c.SetAsync("INSPECT", "KEYSPACE", "ks"));
    }

    [Fact]
    public async Task CreateKeyspaceChecksEachStepInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(ActionError, "CREATE", "KEYSPACE");
        await c.ExpectAsync(ActionError, "CREATE", "KEYSPACE", "a", "b");
        Assert.Equal(EncodingError, await c.QueryAsync("CREATE"u8.ToArray(), "KEYSPACE"u8.ToArray(), NotUtf8));
        await c.ExpectAsync(Error("malformed-expression"), "CREATE", "KEYSPACE", "1ks");
        await c.ExpectAsync(Error("malformed-expression"), "CREATE", "KEYSPACE", "1" + new string('k', 70));
        await c.ExpectAsync(Error("container-name-too-long"), "CREATE", "KEYSPACE", new string('k', 64));
        await c.ExpectAsync(Error("err-already-exists"), "CREATE", "KEYSPACE", "default");
        await c.ExpectAsync(Error("err-already-exists"), "CREATE", "KEYSPACE", "system");
        await c.ExpectAsync(Okay, "create", "keyspace", new string('k', 63));
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "ks");
        await c.ExpectAsync(Error("err-already-exists"), "CREATE", "KEYSPACE", "ks");
        Assert.Equal(new HashSet<string> { "default", "system", "ks", new string('k', 63) }, await c.SetAsync("inspect", "keyspaces"));
    }

    [Fact]
    public async Task CreateKeyspaceRefusesStorageFileNamesDeliberately()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(Error("bad-container-name"), "CREATE", "KEYSPACE", "PRELOAD");
        await c.ExpectAsync(Error("bad-container-name"), "CREATE", "KEYSPACE", "PARTMAP");
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "preload");
    }

    [Fact]
    public async Task CreateOnAPoisonedServerValidatesFirstThenRefuses()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        server.Store.IsPoisoned = true;
        await c.ExpectAsync(Error("unknown-property"), "CREATE", "TABLE", "t", "keymap(str,str)", "x");
        await c.ExpectAsync(ServerError, "CREATE", "TABLE", "t", "keymap(str,str)");
        await c.ExpectAsync(ServerError, "CREATE", "TABLE", "nosuch:t", "keymap(str,str)");
        await c.ExpectAsync(Error("container-name-too-long"), "CREATE", "KEYSPACE", new string('k', 64));
        await c.ExpectAsync(ServerError, "CREATE", "KEYSPACE", "default");
        server.Store.IsPoisoned = false;
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "t", "keymap(str,str)");
    }
}
