using SkydFast.Store;

namespace SkydFast.Server.Tests.Lists;

/// <summary>
/// A test server with a list table <c>default:l</c> and one connection already using it. Expected replies are
/// written out as bytes in the tests (Latin-1 strings): the wire tests are the byte-exact record.
/// </summary>
internal sealed class ListServer : IAsyncDisposable
{
    private ListServer(TestServer server, RawClient client)
    {
        Server = server;
        Client = client;
    }

    public TestServer Server { get; }

    public RawClient Client { get; }

    public CoreStore Store => Server.Store;

    public static async Task<ListServer> StartAsync(TableModel model = TableModel.StrListStr)
    {
        var server = await TestServer.StartAsync();
        Assert.Equal(DdlResult.Okay, server.Store.CreateTable(server.Store.DefaultKeyspace, "l", model, false));
        var client = await server.ConnectAsync();
        Assert.Equal(Replies.Okay, await client.QueryAsync("USE", "default:l"));
        return new ListServer(server, client);
    }

    public Task<string> Q(params string[] args) => Client.QueryAsync(args);

    public Task<string> Q(params byte[][] args) => Client.QueryAsync(args);

    /// <summary>Runs each query and asserts its reply: <c>(reply, query...)</c> rows read like a transcript.</summary>
    public async Task ExpectAsync(params (string Reply, string[] Query)[] transcript)
    {
        foreach (var (reply, query) in transcript)
        {
            var actual = await Client.QueryAsync(query);
            Assert.True(reply == actual, $"{string.Join(' ', query)}: expected {RawClient.Show(reply)}, got {RawClient.Show(actual)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
