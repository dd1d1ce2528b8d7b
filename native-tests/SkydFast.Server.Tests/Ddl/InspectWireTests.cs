using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>INSPECT over a real socket; names compared as sets, descriptions byte for byte.</summary>
public sealed class InspectWireTests
{
    private static readonly string[] Models =
    [
        "binstr,binstr", "binstr,str", "str,str", "str,binstr",
        "binstr,list<binstr>", "binstr,list<str>", "str,list<binstr>", "str,list<str>",
    ];

    [Fact]
    public async Task InspectTableDescribesAllSixteenModelsByteForByte()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        for (var code = 0; code < Models.Length; code++)
        {
            await c.ExpectAsync(Okay, "CREATE", "TABLE", $"p{code}", $"keymap({Models[code]})");
            await c.ExpectAsync(Okay, "CREATE", "TABLE", $"v{code}", $"keymap({Models[code]})", "volatile");
            await c.ExpectAsync(Str($"Keymap {{ data:({Models[code]}), volatile:false }}"), "INSPECT", "TABLE", $"p{code}");
            await c.ExpectAsync(Str($"Keymap {{ data:({Models[code]}), volatile:true }}"), "INSPECT", "TABLE", $"default:v{code}");
        }
    }

    [Fact]
    public async Task InspectChecksEachFormInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        await c.ExpectAsync(ActionError, "INSPECT");
        await c.ExpectAsync(Error("unknown-inspect-query"), "INSPECT", "SPACES", "a", "b");
        await c.ExpectAsync(ActionError, "INSPECT", "KEYSPACES", "x");
        await c.ExpectAsync(ActionError, "INSPECT", "KEYSPACE", "a", "b");
        await c.ExpectAsync(ActionError, "INSPECT", "TABLE", "a", "b");
        await c.ExpectAsync(Error("bad-container-name"), "INSPECT", "KEYSPACE", new string('k', 65));
        await c.ExpectAsync(Error("container-not-found"), "INSPECT", "KEYSPACE", new string('k', 64));
        await c.ExpectAsync(Error("container-not-found"), "INSPECT", "KEYSPACE", "nosuch");
        await c.ExpectAsync(Error("malformed-expression"), "INSPECT", "TABLE", "::");
        await c.ExpectAsync(Error("bad-container-name"), "INSPECT", "TABLE", "1t");
        await c.ExpectAsync(Error("container-not-found"), "INSPECT", "TABLE", "nosuch");
        await c.ExpectAsync(Str("Keymap { data:(binstr,binstr), volatile:false }"), "INSPECT", "TABLE");
        await c.ExpectAsync("*1\n@+1\n7\ndefault\n", "INSPECT", "KEYSPACE");
        await c.ExpectAsync("*1\n@+0\n", "INSPECT", "KEYSPACE", "system");
        await c.ExpectAsync(Okay, "USE", "default");
        await c.ExpectAsync(Error("default-container-unset"), "INSPECT", "TABLE");
    }

    [Fact]
    public async Task InspectKeyspacesListsEveryKeyspaceInAnyCase()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        Assert.Equal(new HashSet<string> { "default", "system" }, await c.SetAsync("inspect", "keyspaces"));
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "one");
        await c.ExpectAsync(Okay, "CREATE", "KEYSPACE", "two");
        Assert.Equal(new HashSet<string> { "default", "system", "one", "two" }, await c.SetAsync("InSpEcT", "KeySpaces"));
    }

    [Fact]
    public async Task InspectWorksOnAPoisonedServer()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        server.Store.IsPoisoned = true;
        Assert.Equal(new HashSet<string> { "default", "system" }, await c.SetAsync("INSPECT", "KEYSPACES"));
        await c.ExpectAsync(Str("Keymap { data:(binstr,binstr), volatile:false }"), "INSPECT", "TABLE", "default:default");
    }
}
