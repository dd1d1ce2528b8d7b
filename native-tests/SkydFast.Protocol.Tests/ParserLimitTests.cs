using SkydFast.Protocol.Skyhash;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>DECISIONS.md 4: declared sizes are refused, not reserved; and nothing the client sends exhausts the stack.</summary>
public sealed class ParserLimitTests
{
    // Parsing allocates nothing of its own; this leaves room for test-runner noise on the same thread.
    private const long AllocationSlack = 1024;

    [Theory]
    [InlineData("*9\n")]
    [InlineData("*1\n~9\n")]
    [InlineData("*1\n&9\n")]
    [InlineData("*1\n_9\n")]
    [InlineData("*2\n~0\n&1\n&99\n")]
    public void ACountAboveMaxElementsIsABadPacket(string packet) => AssertStatus(ParseStatus.BadPacket, packet, Small);

    [Theory]
    [InlineData("*8\n")]
    [InlineData("*1\n~8\n")]
    [InlineData("*1\n&8\n")]
    [InlineData("*1\n_8\n")]
    public void ACountOfExactlyMaxElementsWaitsForItsElements(string packet) => AssertStatus(ParseStatus.NotEnough, packet, Small);

    [Theory]
    [InlineData("*1\n~1\n64\n")]
    [InlineData("*1\n+64\n")]
    [InlineData("*1\n_1\n+64\n")]
    [InlineData("*1\n~1\n18446744073709551615\n")]
    [InlineData("*1\n~1\n57\n")]
    public void ADeclaredLengthThatCannotFitIsABadPacket(string packet) => AssertStatus(ParseStatus.BadPacket, packet, Small);

    [Fact]
    public void ADeclaredLengthThatFitsWaitsForItsBytes() => AssertStatus(ParseStatus.NotEnough, "*1\n~1\n54\n", Small);

    [Fact]
    public void APacketOfExactlyMaxQuerySizeParses()
    {
        var packet = Simple("SET", "k", new string('v', 44));
        Assert.Equal(Small.MaxQuerySize, packet.Length);
        Assert.Equal(ParseStatus.Complete, Parse(packet, Small).Status);
        AssertStatus(ParseStatus.BadPacket, Simple("SET", "k", new string('v', 45)), Small);
    }

    [Fact]
    public void AnIncompletePacketThatHasFilledMaxQuerySizeIsABadPacket()
    {
        // Without a declared length to refuse early: an item length line that never ends.
        var packet = "*1\n~1\n" + new string('1', 100);
        for (var cut = 0; cut <= packet.Length; cut++)
        {
            var expected = cut >= Small.MaxQuerySize ? ParseStatus.BadPacket : ParseStatus.NotEnough;
            AssertStatus(expected, packet[..cut], Small);
        }
    }

    [Fact]
    public void ManySmallItemsBeyondMaxQuerySizeAreABadPacketBeforeTheyComplete()
    {
        var packet = "*1\n~8\n" + string.Concat(Enumerable.Repeat("5\nxxxxx\n", 8));
        Assert.Equal(ParseStatus.BadPacket, Parse(packet[..64], Small).Status);
        Assert.Equal(ParseStatus.BadPacket, Parse(packet, Small).Status);
    }

    [Theory]
    [InlineData("*1048577\n")]
    [InlineData("*1\n~1048577\n")]
    [InlineData("*1\n&1048577\n")]
    [InlineData("*1\n~1\n67108864\n")]
    [InlineData("*1\n+18446744073709551615\n")]
    [InlineData("*1\n:9999999999\n")]
    public void HugeDeclarationsAreBadPacketsWithoutAllocating(string packet) =>
        AssertParsesWithoutAllocating(ParseStatus.BadPacket, packet);

    [Theory]
    [InlineData("*1048576\n")]
    [InlineData("*1\n~1048576\n")]
    [InlineData("*1048576\n~1048576\n1\nx\n")]
    [InlineData("*1\n~1\n67108800\nabc")]
    public void HugeAllowedDeclarationsWaitWithoutAllocating(string packet) =>
        AssertParsesWithoutAllocating(ParseStatus.NotEnough, packet);

    [Fact]
    public void AWarmQueryParsesAGetWithoutAllocating()
    {
        var bytes = B(Simple("GET", "x"));
        var query = new ParsedQuery();
        SkyhashParser.Parse(bytes, query, ParserLimits.Default, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            SkyhashParser.Parse(bytes, query, ParserLimits.Default, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void DeeplyNestedArraysParseWithoutOverflowingASmallStack()
    {
        const int depth = 100_000;
        var packet = B("*1\n" + string.Concat(Enumerable.Repeat("&1\n", depth)) + "+1\nx\n");
        ParseResult? result = null;

        // A 256 KiB stack: recursion one frame per level would need far more than this.
        var thread = new Thread(() => result = Parse(packet), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
        Assert.Equal(ParseStatus.Complete, result.Status);
        Assert.Equal(packet.Length, result.Consumed);
        Assert.Equal([ParsedStage.Other], result.Stages);
    }

    [Fact]
    public void DeeplyNestedArraysCutShortAreNotEnough()
    {
        var packet = "*1\n" + string.Concat(Enumerable.Repeat("&1\n", 100_000)) + "+1\nx";
        AssertStatus(ParseStatus.NotEnough, packet);
    }

    /// <summary>Parses once to warm up, then measures a second parse of the same packet.</summary>
    private static void AssertParsesWithoutAllocating(ParseStatus expected, string packet)
    {
        var bytes = B(packet);
        var query = new ParsedQuery();
        SkyhashParser.Parse(bytes, query, ParserLimits.Default, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = SkyhashParser.Parse(bytes, query, ParserLimits.Default, out _, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected, status);
        Assert.True(allocated < AllocationSlack, $"{Show(packet)} allocated {allocated} bytes");
    }
}
