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
}
