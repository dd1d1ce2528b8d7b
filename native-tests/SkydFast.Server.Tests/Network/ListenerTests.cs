using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkydFast.Server.Tests.Network;

/// <summary>The listener and connection loops over real sockets, in both ways of serving plain connections.</summary>
public sealed class ListenerTests
{
    /// <summary>Plain connections on two event loops (the default on Linux), and on async sockets and pipes (0).</summary>
    public static TheoryData<int> ServingModes => [2, 0];

    private const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task HeyaOverLoopbackAnswersHey(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        await using var client = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task Ipv6HostServesClients(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops, Host = IPAddress.IPv6Loopback });
        Assert.Equal(AddressFamily.InterNetworkV6, server.EndPoint.AddressFamily);
        await using var client = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task QueryWrittenInManySmallWritesWithoutNoDelayIsAnswered(int eventLoops)
    {
        // Real clients write the header, each argument and the rest separately, with Nagle on.
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        await using var client = await RawClient.ConnectAsync(server.EndPoint, noDelay: false);
        string[] pieces = ["*1\n~3\n", "3\n", "SET\n", "1\n", "k\n", "5\n", "hello\n"];
        foreach (var piece in pieces)
        {
            await client.SendAsync(Encoding.ASCII.GetBytes(piece));
        }

        Assert.Equal("*1\n!1\n0\n", await client.ReadResponseAsync());
        foreach (var piece in new[] { "*1\n~2\n", "3\n", "GET\n", "1\n", "k\n" })
        {
            await client.SendAsync(Encoding.ASCII.GetBytes(piece));
        }

        Assert.Equal("*1\n?5\nhello\n", await client.ReadResponseAsync());
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task ConnectionsBeyondTheLimitWaitUntilOneCloses(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops, MaxConnections = 2 });
        var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await first.QueryAsync("HEYA"));
        Assert.Equal(Replies.Heya, await second.QueryAsync("HEYA"));

        // The third connects (the kernel's backlog takes it) but is not served while both slots are taken.
        await using var third = await server.ConnectAsync();
        await third.SendAsync(RawClient.Encode("HEYA"u8.ToArray()));
        var reply = third.ReadResponseAsync();
        Assert.NotSame(reply, await Task.WhenAny(reply, Task.Delay(500)));

        await first.DisposeAsync();
        Assert.Equal(Replies.Heya, await reply);
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task ClientThatDoesNotReadRepliesIsPausedAndLosesNothing(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        await using var client = await server.ConnectAsync();
        var query = RawClient.Encode("GET"u8.ToArray(), "nokey"u8.ToArray());
        const int queriesPerChunk = 4096;
        var chunk = new byte[query.Length * queriesPerChunk];
        for (var i = 0; i < queriesPerChunk; i++)
        {
            query.CopyTo(chunk, i * query.Length);
        }

        // 256 MiB of queries: far more than every buffer on the way together can hold.
        const int chunks = 256 * 1024 * 1024 / (queriesPerChunk * 19);
        long sentChunks = 0;
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < chunks; i++)
            {
                await client.SendAsync(chunk);
                Interlocked.Increment(ref sentChunks);
            }
        });

        // Wait until sending stalls: the server stopped reading because nobody reads its replies.
        long last = -1;
        while (Interlocked.Read(ref sentChunks) != last)
        {
            last = Interlocked.Read(ref sentChunks);
            await Task.Delay(1000);
        }

        Assert.False(sending.IsCompleted, "the server buffered everything the client sent");
        Assert.True(last < chunks / 4, $"sent {last} chunks before stalling");

        // Now read every reply: all of them arrive, in order, and the sender is released.
        var expected = "*1\n!1\n1\n";
        for (long i = 0; i < (long)chunks * queriesPerChunk; i++)
        {
            var reply = await client.ReadResponseAsync();
            if (reply != expected)
            {
                Assert.Fail($"reply {i} was {RawClient.Show(reply)}");
            }
        }

        await sending;
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task StopClosesConnectionsAfterTheQueryInHand(int eventLoops)
    {
        var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        await using var idle = await server.ConnectAsync();
        await using var partial = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await idle.QueryAsync("HEYA"));
        await partial.SendAsync("*1\n~2\n4\nHEYA\n"u8.ToArray());

        await server.DisposeAsync();

        Assert.True(await idle.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await partial.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAnyAsync<SocketException>(() => RawClient.ConnectAsync(server.EndPoint));
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task ManyConnectionsAtOnceAreAllServed(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        var clients = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => server.ConnectAsync()));
        try
        {
            var replies = await Task.WhenAll(clients.Select((c, i) => c.QueryAsync("HEYA", $"c{i}")));
            for (var i = 0; i < replies.Length; i++)
            {
                var text = $"c{i}";
                Assert.Equal($"*1\n+{text.Length}\n{text}\n", replies[i]);
            }
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task IdleConnectionIsClosedOnlyWhenATimeoutIsSet(int eventLoops)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops, IdleTimeout = TimeSpan.FromSeconds(3) });
        await using var idle = await server.ConnectAsync();
        await using var busy = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await idle.QueryAsync("HEYA"));

        // The busy client talks every 100 ms until the idle one is closed, and stays: 30 times the margin, so a loaded
        // machine that delays it now and then does not make it idle.
        var closed = idle.WaitForCloseAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!closed.IsCompleted && DateTime.UtcNow < deadline)
        {
            Assert.Equal(Replies.Heya, await busy.QueryAsync("HEYA"));
            await Task.Delay(100);
        }

        Assert.True(await closed);
        Assert.Equal(Replies.Heya, await busy.QueryAsync("HEYA"));

        await using var noTimeout = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops });
        await using var quiet = await noTimeout.ConnectAsync();
        Assert.False(await quiet.WaitForCloseAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(Replies.Heya, await quiet.QueryAsync("HEYA"));
    }

    [Theory]
    [MemberData(nameof(ServingModes))]
    public async Task ClientsThatLeaveWhileTheirLoginIsHashedLeaveTheServerServing(int eventLoops)
    {
        // AUTH LOGIN hashes on a worker thread while the connection waits (off the event loop); each client sends
        // one and a query behind it, then leaves before the answers.
        var wrongToken = new string('x', 56);
        await using var server = await TestServer.StartAsync(new TestServerOptions { EventLoops = eventLoops, OriginKey = OriginKey });
        for (var i = 0; i < 20; i++)
        {
            var client = await server.ConnectAsync();
            await client.SendAsync(RawClient.EncodePipeline(["AUTH", "LOGIN", "root", wrongToken], ["HEYA"]));
            await client.DisposeAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Counters.Open > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, server.Counters.Open);
        await using var last = await server.ConnectAsync();
        Assert.Equal("*1\n!2\n10\n", await last.QueryAsync("AUTH", "LOGIN", "root", wrongToken));
        Assert.Equal(1, server.Counters.Open);
    }
}
