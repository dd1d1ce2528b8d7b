using SkydFast.Protocol.Skyhash;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>Bugs found in the parser, each pinned by the packet that showed it.</summary>
public sealed class ParserRegressionTests
{
    [Theory]
    [InlineData("\n\n\n")]
    [InlineData("\nab")]
    public void AnEmptyFirstLineIsAnUnexpectedByte(string packet) => AssertStatus(ParseStatus.UnexpectedByte, packet);

    // An empty digit count of a `:` element waits as upstream, but must still ask for more bytes than it has, or
    // the MaxQuerySize check never sees the packet grow and a client could buffer without bound.
    [Fact]
    public void AnIntegerWithAnEmptyDigitCountAsksForMoreBytes()
    {
        var result = Parse("*1\n:\n");
        Assert.Equal(ParseStatus.NotEnough, result.Status);
        Assert.Equal(6, result.Needed);
    }

    [Fact]
    public void AnIntegerWithAnEmptyDigitCountCannotGrowPastTheLimit() =>
        AssertStatus(ParseStatus.BadPacket, "*1\n:\n" + new string('x', 100), Small);

    // DECISIONS.md 4 bounds the packet, not only each declared length: integer elements carry no length check.
    [Fact]
    public void ACompletePacketLargerThanTheLimitIsABadPacket()
    {
        var packet = "*8\n" + string.Concat(Enumerable.Repeat(":10\n1234567890\n", 8));
        Assert.Equal(ParseStatus.Complete, Parse(packet).Status);
        AssertStatus(ParseStatus.BadPacket, packet, Small);
    }
}
