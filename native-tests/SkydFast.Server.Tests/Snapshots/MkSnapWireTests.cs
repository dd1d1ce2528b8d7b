using System.Net.Sockets;
using System.Text;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Services;

namespace SkydFast.Server.Tests.Snapshots;

/// <summary>
/// MKSNAP over real sockets: it runs on a worker thread while its connection waits, so what was sent before and
/// after it in the same read, split reads included, must still be answered once each and in order.
/// </summary>
public sealed class MkSnapWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(new TestServerOptions
        {
            Snapshots = true,
            LocalSnapshots = new SnapshotSettings(TimeSpan.FromHours(1), 0, Failsafe: true),
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MkSnapAnswersOkayOnceTheSnapshotIsOnDisk()
    {
        await using var client = await _server.ConnectAsync();
        Assert.Equal(Replies.Okay, await client.QueryAsync("SET", "k", "v"));

        Assert.Equal(Replies.Okay, await client.QueryAsync("MKSNAP"));
        Assert.Equal(Replies.Okay, await client.QueryAsync("MKSNAP", "wire"));

        var local = Assert.Single(Directory.GetDirectories(Path.Combine(_server.DataPath, "snaps")));
        foreach (var folder in new[] { local, Path.Combine(_server.DataPath, "rsnap", "wire") })
        {
            Assert.True(StoreLoader.LoadTree(folder).DefaultTable.Kv!.TryGetValue("k"u8, out var value));
            Assert.Equal("v"u8.ToArray(), value);
        }

        Assert.Equal("*1\n!18\nduplicate-snapshot\n", await client.QueryAsync("MKSNAP", "wire"));
    }

    [Fact]
    public async Task QueriesBeforeAndAfterAMkSnapInOneWriteAreAnsweredInOrder()
    {
        await using var client = await _server.ConnectAsync();

        await client.SendAsync(Batch("one-write"));

        Assert.Equal(Replies.Int(1), await client.ReadResponseAsync());
        Assert.Equal(Replies.Okay, await client.ReadResponseAsync());
        Assert.Equal("*1\n?1\n1\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task ABatchWithAMkSnapSplitInTwoAtEveryOffsetIsAnsweredInOrder()
    {
        await using var client = await _server.ConnectAsync();
        var length = Batch("cut-000").Length;
        for (var cut = 1; cut < length; cut++)
        {
            var bytes = Batch($"cut-{cut:D3}");
            await client.SendAsync(bytes.AsMemory(0, cut));
            await Task.Delay(1);
            await client.SendAsync(bytes.AsMemory(cut));

            Assert.Equal(Replies.Int(1), await client.ReadResponseAsync());
            var snapshot = await client.ReadResponseAsync();
            Assert.True(snapshot == Replies.Okay, $"cut at {cut}: {RawClient.Show(snapshot)}");
            Assert.Equal("*1\n?1\n1\n", await client.ReadResponseAsync());
        }

        Assert.Equal(length - 1, Directory.GetDirectories(Path.Combine(_server.DataPath, "rsnap")).Length);
    }

    [Fact]
    public async Task ABatchWithAMkSnapSentByteByByteIsAnsweredInOrder()
    {
        await using var client = await _server.ConnectAsync();
        var bytes = Batch("bytewise");
        for (var i = 0; i < bytes.Length; i++)
        {
            await client.SendAsync(bytes.AsMemory(i, 1));
        }

        Assert.Equal(Replies.Int(1), await client.ReadResponseAsync());
        Assert.Equal(Replies.Okay, await client.ReadResponseAsync());
        Assert.Equal("*1\n?1\n1\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AClientThatClosesRightAfterAMkSnapStillGetsEveryAnswer()
    {
        await using var client = await _server.ConnectAsync();

        await client.SendAsync(Batch("half-closed"));
        client.Socket.Shutdown(SocketShutdown.Send);

        Assert.Equal(Replies.Int(1), await client.ReadResponseAsync());
        Assert.Equal(Replies.Okay, await client.ReadResponseAsync());
        Assert.Equal("*1\n?1\n1\n", await client.ReadResponseAsync());
        Assert.True(await client.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
        Assert.True(Directory.Exists(Path.Combine(_server.DataPath, "rsnap", "half-closed")));
    }

    // USET a 1, MKSNAP <name>, GET a: three packets, the blocking one in the middle.
    private static byte[] Batch(string name) =>
    [
        .. RawClient.Encode([.. "USET"u8], [.. "a"u8], [.. "1"u8]),
        .. RawClient.Encode([.. "MKSNAP"u8], Encoding.ASCII.GetBytes(name)),
        .. RawClient.Encode([.. "GET"u8], [.. "a"u8]),
    ];
}
