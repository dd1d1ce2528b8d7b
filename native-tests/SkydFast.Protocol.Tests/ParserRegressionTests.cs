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

    // skyhash-1.0.md §4: the digits of a `:` element are parsed before the byte after them is looked at, so
    // bad digits are a datatype failure (the bare "!1\n7\n") whatever follows, even nothing yet.
    [Theory]
    [InlineData("*1\n:1\nx")]
    [InlineData("*1\n:1\nxy")]
    [InlineData("*1\n:2\n1x")]
    [InlineData("*1\n:21\n184467440737095516156z")]
    public void BadIntegerDigitsFailBeforeTheByteAfterThem(string packet) => AssertStatus(ParseStatus.DatatypeParseFailure, packet);
}
