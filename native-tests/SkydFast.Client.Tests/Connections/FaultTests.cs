
namespace SkydFast.Client.Tests.Connections;

/// <summary>Servers that never answer, answer garbage or hang up: every call throws in time, none hangs, and the
/// connection is closed afterwards. Cancellation before and after sending.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static Task<SkyConnection> ConnectAsync(FakeServer server, TimeSpan? readTimeout = null)
    {
        var options = Connect.Options(server.EndPoint);
        options.ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(30);
        return SkyConnection.ConnectAsync(options);
    }

    [Fact]
    public async Task ASilentServerTimesOutTheRead()
    {
        await using var server = FakeServer.Silent();
        await using var c = await ConnectAsync(server, TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => c.GetAsync("k").WaitAsync(Bound));
        Assert.Equal("no reply within 0.3 s; the connection is closed", error.Message);
        Assert.True(c.IsClosed);
        var next = await Assert.ThrowsAsync<IOException>(() => c.HeyaAsync());
        Assert.StartsWith("the connection was closed after an earlier error", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingAWaitingQueryClosesTheConnection()
    {
        await using var server = FakeServer.Silent();
        await using var c = await ConnectAsync(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.GetAsync("k", cancel.Token).WaitAsync(Bound));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.True(c.IsClosed);
    }

    [Fact]
    public async Task CancellingBeforeSendingLeavesTheConnectionOpen()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.SetAsync("k", "v", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.PipelineAsync(new SkyPipeline().Add("HEYA"), cancelled.Token));
        Assert.False(c.IsClosed);
        Assert.Null(await c.GetAsync("k"));
    }

    [Theory]
    [InlineData("*1\n$3\nabc\n", "malformed reply at byte 3: unknown type symbol '$'")]
    [InlineData("GET x\n", "malformed reply at byte 0: a reply starts with '*', not 'G'")]
    [InlineData("*1\n+3\nabcd\n", "malformed reply at byte 9: 3 bytes of data must be followed by a line feed, not 'd'")]
    [InlineData("*1\n!1\n0\nXYZ", "malformed reply at byte 8: 3 bytes after the packet")]
    [InlineData("*2\n!1\n0\n!1\n0\n", "2 replies to a single query")]
    [InlineData("*1\n:1\n5\n", "GET: unexpected reply (UnsignedInt: 5)")]
    public async Task AMalformedOrUnexpectedReplyThrowsAtOnce(string reply, string message)
    {
        await using var server = FakeServer.Answering(reply);
        await using var c = await ConnectAsync(server);
        var error = await Assert.ThrowsAsync<SkyProtocolException>(() => c.GetAsync("k").WaitAsync(Bound));
        Assert.Equal(message, error.Message);
        Assert.True(c.IsClosed || message.StartsWith("GET:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerThatHangsUpMidReplyIsAnIOException()
    {
        await using (var server = FakeServer.Answering("*1\n+10\nabc", thenClose: true))
        {
            await using var c = await ConnectAsync(server);
            var error = await Assert.ThrowsAsync<IOException>(() => c.GetAsync("k").WaitAsync(Bound));
            Assert.Equal("the server closed the connection after 10 bytes of the reply", error.Message);
            Assert.True(c.IsClosed);
        }

        await using (var server = FakeServer.Answering(string.Empty, thenClose: true))
        {
            await using var c = await ConnectAsync(server);
            var error = await Assert.ThrowsAsync<IOException>(() => c.HeyaAsync().WaitAsync(Bound));
            Assert.Equal("the server closed the connection", error.Message);
        }
    }

    [Fact]
    public async Task ARefusedConnectionSaysWhereAndWhy()
    {
        var port = Connect.FreePort();
        var error = await Assert.ThrowsAsync<SkyConnectException>(() => SkyConnection.ConnectAsync("127.0.0.1", port));
        Assert.Equal($"could not connect to 127.0.0.1:{port}: Connection refused", error.Message);
    }

    [Fact]
    public async Task ADisposedConnectionRefusesCalls()
    {
        await using var server = await TestServer.StartAsync();
        var c = await Connect.ToAsync(server);
        await c.DisposeAsync();
        await c.DisposeAsync();
        Assert.True(c.IsClosed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => c.HeyaAsync());
    }

    [Fact]
    public async Task ANullArgumentIsRefusedBeforeAnythingIsSent()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await Assert.ThrowsAsync<ArgumentException>(() => c.GetAsync(SkyArg.FromString(null!)));
        Assert.False(c.IsClosed);
        Assert.Equal("HEY!", await c.HeyaAsync());
    }
}
