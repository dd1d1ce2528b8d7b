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
}
