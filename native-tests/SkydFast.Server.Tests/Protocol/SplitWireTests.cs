using System.Net.Sockets;
using static SkydFast.Server.Tests.Protocol.WireKit;

namespace SkydFast.Server.Tests.Protocol;

/// <summary>
/// Requests cut at every offset and sent byte by byte over a real socket (style.md, the split-payload tests),
/// and DECISIONS.md 3: queries already buffered are answered without waiting for another read.
/// </summary>
public sealed class SplitWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public static TheoryData<string, string> Requests { get; } = new()
    {
        { Simple("HEYA"), Replies.Heya },
        { Simple("HEYA", "split\nme"), "*1\n+8\nsplit\nme\n" },
        { Simple("GET", "stored"), "*1\n?5\nvalue\n" },
        { Simple("GET", "missing"), "*1\n!1\n1\n" },
        { "*1\n+4\nHEYA\n", "*1\n!1\n7\n" },
        { "*3\n~1\n4\nHEYA\n~2\n3\nGET\n6\nstored\n~0\n", "*3\n+4\nHEY!\n?5\nvalue\n!1\n4\n" },
    };

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await using var client = await _server.ConnectAsync();
        Assert.Equal("*1\n!1\n0\n", await client.QueryAsync("SET", "stored", "value"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task ARequestSplitInTwoAtEveryOffsetIsAnswered(string request, string expected)
    {
        var bytes = B(request);
        await using var client = await _server.ConnectAsync();
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            await client.SendAsync(bytes.AsMemory(0, cut));
            await Task.Delay(1);
            await client.SendAsync(bytes.AsMemory(cut));
            var reply = await client.ReadResponseAsync();
            Assert.True(reply == expected, $"cut at {cut}: {RawClient.Show(reply)}");
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task ARequestSentByteByByteIsAnswered(string request, string expected)
    {
        var bytes = B(request);
        await using var client = await _server.ConnectAsync();
        for (var i = 0; i < bytes.Length; i++)
        {
            await client.SendAsync(bytes.AsMemory(i, 1));
            if (i % 4 == 0)
            {
                await Task.Delay(1);
            }
        }

        Assert.Equal(expected, await client.ReadResponseAsync());
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*1\n~1\n5\nab")]
    [InlineData("*1\n~1\n4\nHEYA\n*1\n")]
    public async Task TheEndOfInputClosesTheConnectionAfterAnsweringWhatIsComplete(string sent)
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B(sent));
        client.Socket.Shutdown(SocketShutdown.Send);
        var expected = sent.Contains("HEYA", StringComparison.Ordinal) ? Replies.Heya : string.Empty;
        if (expected.Length > 0)
        {
            Assert.Equal(expected, await client.ReadResponseAsync());
        }

        // Nothing more: the server closes (upstream logs a reset when bytes remain) without writing.
        using var timeout = new CancellationTokenSource(CloseTimeout);
        Assert.Equal(0, await client.Socket.ReceiveAsync(new byte[64], SocketFlags.None, timeout.Token));
    }

    [Fact]
    public async Task TwoQueriesInOneWriteGetTwoAnswersWithoutAnotherWrite()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B(Simple("HEYA", "one") + Simple("GET", "stored")));
        Assert.Equal("*1\n+3\none\n", await client.ReadResponseAsync());
        Assert.Equal("*1\n?5\nvalue\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AQueryAndTheStartOfTheNextAreAnsweredOneThenTheOther()
    {
        await using var client = await _server.ConnectAsync();
        var second = Simple("HEYA", "two");
        await client.SendAsync(B(Simple("HEYA", "one") + second[..5]));
        Assert.Equal("*1\n+3\none\n", await client.ReadResponseAsync());
        await client.SendAsync(B(second[5..]));
        Assert.Equal("*1\n+3\ntwo\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AHundredQueriesInOneWriteGetAHundredAnswers()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B(string.Concat(Enumerable.Range(0, 100).Select(i => Simple("HEYA", $"q{i}")))));
        for (var i = 0; i < 100; i++)
        {
            var text = $"q{i}";
            Assert.Equal($"*1\n+{text.Length}\n{text}\n", await client.ReadResponseAsync());
        }
    }

    [Fact]
    public async Task ALargeValueSentInPiecesIsStoredWhole()
    {
        var value = new string('v', 200_000);
        var bytes = B(Simple("SET", "large", value));
        await using var client = await _server.ConnectAsync();
        for (var at = 0; at < bytes.Length; at += 7_919)
        {
            await client.SendAsync(bytes.AsMemory(at, Math.Min(7_919, bytes.Length - at)));
        }

        Assert.Equal("*1\n!1\n0\n", await client.ReadResponseAsync());
        Assert.Equal($"*1\n?200000\n{value}\n", await client.QueryAsync("GET", "large"));
    }
}
