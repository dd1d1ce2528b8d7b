using static SkydFast.Server.Tests.Protocol.WireKit;

namespace SkydFast.Server.Tests.Protocol;

/// <summary>
/// skyhash-1.0.md §5 over a socket: each parse outcome's exact bytes, and DECISIONS.md 1-2: a parse error is
/// answered once, then the server closes the connection.
/// </summary>
public sealed class ParseErrorWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task AGarbageLineIsAPacketErrorThenClose() => AssertAnsweredThenClosedAsync(_server, "GET x\n", "*1\n!1\n4\n");

    [Fact]
    public Task AnUnknownTypeSymbolIsCodeEightThenClose() => AssertAnsweredThenClosedAsync(_server, "*1\n$4\nHEYA\n", "*1\n!1\n8\n");

    [Fact]
    public Task BadCountDigitsAreABareWrongtypeThenClose() => AssertAnsweredThenClosedAsync(_server, "*1x\n", "!1\n7\n");

    [Theory]
    [InlineData("*1\n:1\nx")]
    [InlineData("*1\n:2\n1xy")]
    public Task BadIntegerDigitsAreABareWrongtypeThenClose(string packet) => AssertAnsweredThenClosedAsync(_server, packet, "!1\n7\n");

    [Fact]
    public Task AZeroCountIsAPacketErrorThenClose() => AssertAnsweredThenClosedAsync(_server, "*0\n", "*1\n!1\n4\n");

    [Fact]
    public Task ALineFeedFirstIsAPacketErrorThenClose() => AssertAnsweredThenClosedAsync(_server, "\n\n\n", "*1\n!1\n4\n");

    [Fact]
    public Task AnItemWithTheWrongEndIsAPacketErrorThenClose() => AssertAnsweredThenClosedAsync(_server, "*1\n~1\n1\nxy", "*1\n!1\n4\n");

    [Theory]
    [InlineData("*1\n+1\nxy")]
    [InlineData("*1\n:1\n12")]
    [InlineData("*2\n~1\n4\nHEYA\n+0\nz")]
    public Task AMalformedStringOrIntegerIsAPacketErrorThenClose(string packet) =>
        AssertAnsweredThenClosedAsync(_server, packet, "*1\n!1\n4\n");

    [Fact]
    public Task TrailingGarbageAfterAQueryIsAPacketErrorThenClose() =>
        AssertAnsweredThenClosedAsync(_server, Simple("HEYA") + "&1\n", "*1\n!1\n4\n");

    [Fact]
    public Task AnEmptyQueryIsExecutedAsAPacketErrorAndTheConnectionStays() =>
        AssertAnsweredAndOpenAsync(_server, "*1\n~0\n", "*1\n!1\n4\n");

    [Fact]
    public Task AStringQueryIsWrongtypeAndTheConnectionStays() => AssertAnsweredAndOpenAsync(_server, "*1\n+4\nHEYA\n", "*1\n!1\n7\n");

    [Fact]
    public Task NestedAndFlatArrayQueriesAreWrongtypeAndTheConnectionStays() =>
        AssertAnsweredAndOpenAsync(_server, "*2\n&1\n:1\n5\n_1\n+1\na\n", "*2\n!1\n7\n!1\n7\n");

    [Fact]
    public Task APipelineAnswersANonAnyArrayStageInPlace() =>
        AssertAnsweredAndOpenAsync(
            _server,
            "*4\n~1\n4\nHEYA\n+2\nhi\n~0\n~2\n4\nHEYA\n2\nok\n",
            "*4\n+4\nHEY!\n!1\n7\n!1\n4\n+2\nok\n");

    [Fact]
    public Task APipelineWithAnActionErrorInTheMiddleGoesOn() =>
        AssertAnsweredAndOpenAsync(
            _server,
            "*3\n~2\n3\nSET\n1\nx\n~2\n3\nGET\n1\nq\n~2\n4\nHEYA\n2\nok\n",
            "*3\n!1\n3\n!1\n1\n+2\nok\n");

    [Fact]
    public Task TheWorkedExampleTwoPipelineIsByteExact() =>
        AssertAnsweredAndOpenAsync(
            _server,
            "*3\n~4\n4\nMSET\n1\nx\n1\ny\n1\nz\n~2\n4\nMGET\n1\nq\n~2\n4\nHEYA\n2\nok\n",
            "*3\n!1\n3\n@?1\n\0\n+2\nok\n");

    [Fact]
    public async Task TheWorkedExampleOneIsByteExact()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B("*1\n~3\n3\nSET\n1\nk\n5\nhello\n"));
        Assert.Equal("*1\n!1\n0\n", await client.ReadResponseAsync());
        await client.SendAsync(B("*1\n~2\n3\nget\n1\nk\n"));
        Assert.Equal("*1\n?5\nhello\n", await client.ReadResponseAsync());
        await client.SendAsync(B("*1\n~3\n3\nSET\n1\nk\n1\nx\n"));
        Assert.Equal("*1\n!1\n2\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AnUnknownActionIsAnErrorStringAndTheConnectionStays()
    {
        await using var client = await _server.ConnectAsync();
        Assert.Equal("*1\n!14\nUnknown action\n", await client.QueryAsync("NOSUCHACTION"));
        Assert.Equal(Replies.Heya, await client.QueryAsync("hEyA"));
    }

    [Fact]
    public async Task AnswersBeforeTheErrorAreSentThenTheErrorThenClose()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B(Simple("HEYA") + Simple("HEYA", "two") + "*0\n"));
        Assert.Equal(Replies.Heya, await client.ReadResponseAsync());
        Assert.Equal("*1\n+3\ntwo\n", await client.ReadResponseAsync());
        Assert.Equal("*1\n!1\n4\n", await client.ReadResponseAsync());
        Assert.True(await client.WaitForCloseAsync(CloseTimeout));
    }
}
