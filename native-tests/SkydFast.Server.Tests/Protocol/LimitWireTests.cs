using SkydFast.Protocol.Skyhash;
using static SkydFast.Server.Tests.Protocol.WireKit;

namespace SkydFast.Server.Tests.Protocol;

/// <summary>DECISIONS.md 4 over a socket: a packet beyond the limits is a packet error, then the server closes.</summary>
public sealed class LimitWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(new TestServerOptions { Limits = new ParserLimits(MaxQuerySize: 64, MaxElements: 8) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("*9\n")]
    [InlineData("*1\n~9\n")]
    [InlineData("*1\n&9\n")]
    public Task ACountAboveMaxElementsIsAPacketErrorThenClose(string packet) =>
        AssertAnsweredThenClosedAsync(_server, packet, "*1\n!1\n4\n");

    [Theory]
    [InlineData("*1\n~1\n64\n")]
    [InlineData("*1\n+1000000000\n")]
    public Task ADeclaredLengthBeyondMaxQuerySizeIsAPacketErrorThenClose(string packet) =>
        AssertAnsweredThenClosedAsync(_server, packet, "*1\n!1\n4\n");

    [Fact]
    public async Task AnIncompletePacketThatFillsMaxQuerySizeIsAPacketErrorThenClose()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync(B("*1\n~1\n"));
        for (var i = 0; i < 10; i++)
        {
            await client.SendAsync(B("1111111111"));
            await Task.Delay(1);
        }

        Assert.Equal("*1\n!1\n4\n", await client.ReadResponseAsync());
        Assert.True(await client.WaitForCloseAsync(CloseTimeout));
    }

    [Fact]
    public Task ACompletePacketLargerThanMaxQuerySizeIsAPacketErrorThenClose() =>
        AssertAnsweredThenClosedAsync(_server, "*8\n" + string.Concat(Enumerable.Repeat(":10\n1234567890\n", 8)), "*1\n!1\n4\n");

    [Fact]
    public Task APacketWithinTheLimitsIsServed() => AssertAnsweredAndOpenAsync(_server, Simple("HEYA", new string('h', 40)), $"*1\n+40\n{new string('h', 40)}\n");

    [Fact]
    public Task APipelineOfMaxElementsStagesIsServed() =>
        AssertAnsweredAndOpenAsync(_server, "*8\n" + string.Concat(Enumerable.Repeat("~0\n", 8)), "*8\n" + string.Concat(Enumerable.Repeat("!1\n4\n", 8)));
}
