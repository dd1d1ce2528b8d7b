using System.Text;

namespace SkydFast.Server.Tests.Kv;

/// <summary>
/// The key/value and strong actions over a real socket: exact reply bytes for every action's success and error
/// paths (actions.md §3). Query arguments here are Latin-1 strings, one char per byte, so "\u00ff" is the lone
/// byte 0xFF (never valid UTF-8) and replies compare byte for byte.
/// </summary>
public sealed class KvWireTests
{
    private const string Ok = "*1\n!1\n0\n";
    private const string Nil = "*1\n!1\n1\n";
    private const string Overwrite = "*1\n!1\n2\n";
    private const string ActionError = "*1\n!1\n3\n";
    private const string ServerError = "*1\n!1\n5\n";
    private const string EncodingError = "*1\n!1\n9\n";
    private const string Unset = "*1\n!23\ndefault-container-unset\n";
    private const string WrongModel = "*1\n!11\nwrong-model\n";
    private const string Bad = "\u00ff";

    private static string Int(long n) => $"*1\n:{n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length}\n{n}\n";

    /// <summary>Runs <paramref name="steps"/> on one connection, each query answered by exactly its reply.</summary>
    private static async Task RunAsync(TestServer server, params (string Query, string Reply)[] steps)
    {
        await using var client = await server.ConnectAsync();
        await RunOnAsync(client, steps);
    }

    private static async Task RunOnAsync(RawClient client, params (string Query, string Reply)[] steps)
    {
        foreach (var (query, reply) in steps)
        {
            var args = query.Split(' ').Select(a => Encoding.Latin1.GetBytes(a)).ToArray();
            Assert.Equal(RawClient.Show(reply), RawClient.Show(await client.QueryAsync(args)));
        }
    }

    private static async Task<TestServer> StartWithTablesAsync()
    {
        var server = await TestServer.StartAsync();
        await RunAsync(server, ("CREATE TABLE default:s keymap(str,str)", Ok), ("CREATE TABLE default:lt keymap(str,list<str>)", Ok));
        return server;
    }

    [Fact]
    public async Task GetSetUpdateAnswerExactBytes()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(
            server,
            ("GET x", Nil),
            ("SET x 100", Ok),
            ("SET x 200", Overwrite),
            ("GET x", "*1\n?3\n100\n"),
            ("UPDATE y 1", Nil),
            ("UPDATE x 300", Ok),
            ("GET x", "*1\n?3\n300\n"),
            ("GET", ActionError),
            ("SET x", ActionError),
            ("UPDATE x y z", ActionError));
    }

    [Fact]
    public async Task DelExistsKeyLenAnswerExactBytes()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(
            server,
            ("MSET a 1 b 22", Int(2)),
            ("EXISTS a a b c", Int(3)),
            ("KEYLEN b", Int(2)),
            ("KEYLEN c", Nil),
            ("DEL a a c", Int(1)),
            ("DEL a", Int(0)),
            ("EXISTS a", Int(0)),
            ("DEL", ActionError),
            ("EXISTS", ActionError),
            ("KEYLEN", ActionError));
    }

    [Fact]
    public async Task MultiKeyActionsAnswerExactBytes()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(
            server,
            ("MSET a 1 b 2 a 3", Int(2)),
            ("MGET a b c", "*1\n@?3\n1\n1\n1\n2\n\0\n"),
            ("MUPDATE a x c y a z", Int(2)),
            ("USET a 9 d 8", Int(2)),
            ("MGET a d", "*1\n@?2\n1\n9\n1\n8\n"),
            ("MPOP a c a d", "*1\n@?4\n1\n9\n\0\n\0\n1\n8\n"),
            ("POP b", "*1\n?1\n2\n"),
            ("POP b", Nil),
            ("MSET a", ActionError),
            ("MUPDATE a b c", ActionError),
            ("USET a", ActionError),
            ("MGET", ActionError),
            ("MPOP", ActionError),
            ("POP a b", ActionError));
    }

    [Fact]
    public async Task StrongActionsAnswerExactBytes()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(
            server,
            ("SSET a 1 b 2", Ok),
            ("SSET c 3 a 1", Overwrite),
            ("EXISTS c", Int(0)),
            ("SUPDATE a x c y", Nil),
            ("SUPDATE a x b y", Ok),
            ("MGET a b", "*1\n@?2\n1\nx\n1\ny\n"),
            ("SDEL a c", Nil),
            ("SDEL a b", Ok),
            ("EXISTS a b", Int(0)),
            ("SSET a", ActionError),
            ("SUPDATE a b c", ActionError),
            ("SDEL", ActionError));
    }

    [Fact]
    public async Task MixedCaseActionNamesWork()
    {
        await using var server = await TestServer.StartAsync();
        await RunAsync(
            server,
            ("set k v", Ok),
            ("GeT k", "*1\n?1\nv\n"),
            ("uPdAtE k w", Ok),
            ("mget k", "*1\n@?1\n1\nw\n"),
            ("Exists k", Int(1)),
            ("keylen k", Int(1)),
            ("sSeT j 1", Ok),
            ("supdate j 2", Ok),
            ("Sdel j", Ok),
            ("mSet m 1", Int(1)),
            ("MUpdate m 2", Int(1)),
            ("uset m 3", Int(1)),
            ("mpop m", "*1\n@?1\n1\n3\n"),
            ("pop k", "*1\n?1\nw\n"),
            ("del k", Int(0)));
    }

    [Fact]
    public async Task BinaryKeysAndValuesRoundTripOnTheDefaultTable()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        byte[] key = [(byte)'k', (byte)'\n', 0, 0xFF];
        byte[] value = [0, (byte)'\n', 0xC0, 0x80, (byte)'\n'];
        byte[] B(string s) => Encoding.ASCII.GetBytes(s);
        Assert.Equal(Ok, await client.QueryAsync(B("SET"), key, value));
        Assert.Equal("*1\n?5\n\0\n\u00c0\u0080\n\n", await client.QueryAsync(B("GET"), key));
        Assert.Equal("*1\n@?2\n5\n\0\n\u00c0\u0080\n\n\0\n", await client.QueryAsync(B("MGET"), key, value));
        Assert.Equal(Int(5), await client.QueryAsync(B("KEYLEN"), key));
        Assert.Equal(Ok, await client.QueryAsync(B("SUPDATE"), key, [0xFF]));
        Assert.Equal("*1\n?1\n\u00ff\n", await client.QueryAsync(B("POP"), key));
        Assert.Equal(Ok, await client.QueryAsync(B("SSET"), key, [(byte)'\n']));
        Assert.Equal(Int(1), await client.QueryAsync(B("EXISTS"), key));
        Assert.Equal(Ok, await client.QueryAsync(B("SDEL"), key));
        Assert.Equal(Int(1), await client.QueryAsync(B("USET"), value, key));
        Assert.Equal("*1\n@?1\n4\nk\n\0\u00ff\n", await client.QueryAsync(B("MPOP"), value));
    }

    [Fact]
    public async Task StrTableAnswersPlusAndChecksEncoding()
    {
        await using var server = await StartWithTablesAsync();
        await RunAsync(
            server,
            ("USE default:s", Ok),
            ("SET k v", Ok),
            ("GET k", "*1\n+1\nv\n"),
            ("MGET k z", "*1\n@+2\n1\nv\n\0\n"),
            ("GET " + Bad, EncodingError),
            ("SET " + Bad + " v", EncodingError),
            ("SET j " + Bad, EncodingError),
            ("UPDATE k " + Bad, EncodingError),
            ("DEL k " + Bad, EncodingError),
            ("EXISTS k " + Bad, EncodingError),
            ("MGET k " + Bad, EncodingError),
            ("MSET j 1 " + Bad + " 2", EncodingError),
            ("MUPDATE k 1 j " + Bad, EncodingError),
            ("USET k 1 j " + Bad, EncodingError),
            ("POP " + Bad, EncodingError),
            ("MPOP k " + Bad, EncodingError),
            ("KEYLEN " + Bad, Nil),
            ("SSET j 1 " + Bad + " 2", EncodingError),
            ("SSET k 1 " + Bad + " 2", Overwrite),
            ("SUPDATE k " + Bad, EncodingError),
            ("SUPDATE z 1 k " + Bad, Nil),
            ("SDEL k " + Bad, EncodingError),
            ("GET k", "*1\n+1\nv\n"),
            ("POP k", "*1\n+1\nv\n"));
    }

    [Fact]
    public async Task ListTableAnswersWrongModelExceptForDelAndExists()
    {
        await using var server = await StartWithTablesAsync();
        await RunAsync(
            server,
            ("USE default:lt", Ok),
            ("GET a", WrongModel),
            ("SET a b", WrongModel),
            ("UPDATE a b", WrongModel),
            ("MGET a", WrongModel),
            ("MSET a b", WrongModel),
            ("MUPDATE a b", WrongModel),
            ("USET a b", WrongModel),
            ("POP a", WrongModel),
            ("MPOP a", WrongModel),
            ("KEYLEN a", WrongModel),
            ("SSET a b", WrongModel),
            ("SDEL a", WrongModel),
            ("SUPDATE a b", WrongModel),
            ("EXISTS a", Int(0)),
            ("DEL a", Int(0)));
    }

    [Fact]
    public async Task WithoutCurrentTableEveryActionAnswersDefaultContainerUnset()
    {
        await using var server = await TestServer.StartAsync();
        string[] queries =
        [
            "GET a", "SET a b", "UPDATE a b", "DEL a", "EXISTS a", "MGET a", "MSET a b", "MUPDATE a b", "USET a b",
            "POP a", "MPOP a", "KEYLEN a", "SSET a b", "SDEL a", "SUPDATE a b",
        ];
        await RunAsync(server, [("USE default", Ok), .. queries.Select(q => (q, Unset))]);
    }

    [Fact]
    public async Task PoisonedServerRefusesWritesInTheSpecOrder()
    {
        await using var server = await StartWithTablesAsync();
        await using var client = await server.ConnectAsync();
        await RunOnAsync(client, ("SET a 1", Ok), ("USE default:s", Ok));
        server.Store.IsPoisoned = true;
        await RunOnAsync(
            client,
            ("SET a", ActionError),
            ("SET " + Bad + " 1", ServerError),
            ("DEL " + Bad, EncodingError),
            ("DEL a", ServerError),
            ("MSET a " + Bad, EncodingError),
            ("MSET a 1", ServerError),
            ("MUPDATE a " + Bad, EncodingError),
            ("USET a " + Bad, EncodingError),
            ("USET a 1", ServerError),
            ("POP " + Bad, ServerError),
            ("MPOP a", ServerError),
            ("SSET " + Bad + " 1", ServerError),
            ("SDEL a", ServerError),
            ("SUPDATE a 1", ServerError),
            ("GET a", Nil),
            ("EXISTS a", Int(0)),
            ("MGET a", "*1\n@+1\n\0\n"),
            ("KEYLEN a", Nil),
            ("USE default:lt", Ok),
            ("SET a b", ServerError),
            ("UPDATE a b", ServerError),
            ("POP a", ServerError),
            ("MSET a b", WrongModel),
            ("SSET a b", WrongModel),
            ("DEL a", ServerError),
            ("USE default", Ok),
            ("SET a b", ServerError),
            ("MPOP a", ServerError),
            ("SDEL a", Unset),
            ("MUPDATE a b", Unset),
            ("DEL a", Unset));
        server.Store.IsPoisoned = false;
        await RunOnAsync(client, ("USE default:default", Ok), ("GET a", "*1\n?1\n1\n"));
    }

    [Fact]
    public async Task PipelinedKeyValueStagesAnswerInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var reply = await client.PipelineAsync(["SET", "a", "1"], ["SSET", "a", "2"], ["MGET", "a", "b"], ["SDEL", "a"], ["EXISTS", "a"]);
        Assert.Equal("*5\n!1\n0\n!1\n2\n@?2\n1\n1\n\0\n!1\n0\n:1\n0\n", reply);
    }
}
