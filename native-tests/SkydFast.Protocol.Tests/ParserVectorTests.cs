using SkydFast.Protocol.Skyhash;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>The parser test vectors of skyhash-1.0.md §4 and the packets of §10, with DECISIONS.md 1-4.</summary>
public sealed class ParserVectorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("*2")]
    [InlineData("*1\n")]
    [InlineData("*1\n+1\n")]
    [InlineData("*1\n+1")]
    [InlineData("*1\n+")]
    [InlineData("*1\n:1\n")]
    [InlineData("*1\n:1")]
    [InlineData("*1\n:")]
    [InlineData("*1\n&1\n")]
    [InlineData("*1\n&1")]
    [InlineData("*1\n&")]
    [InlineData("*1\n_1\n")]
    [InlineData("*1\n_1")]
    [InlineData("*1\n_")]
    [InlineData("*1\n&3\n+4\nMGET\n+3\nfoo\n+3\n")]
    [InlineData("*2\n~1\n4\nHEYA\n")]
    [InlineData("*2\n+2\nok\n")]
    public void IncompletePacketsAreNotEnough(string packet) => AssertStatus(ParseStatus.NotEnough, packet);

    [Theory]
    [InlineData("*\n")]
    [InlineData("*1\n~\n")]
    [InlineData("*1\n~1\n\n")]
    [InlineData("*1\n&\n")]
    [InlineData("*1\n_\n")]
    [InlineData("*1\n+\n")]
    public void EmptyLengthOrCountFieldsWaitAsUpstream(string packet) => AssertStatus(ParseStatus.NotEnough, packet);

    [Theory]
    [InlineData("*1A\n")]
    [InlineData("*-1\n")]
    [InlineData("* 1\n")]
    [InlineData("*1\r\n")]
    [InlineData("*18446744073709551616\n")]
    [InlineData("*1\n~x\n")]
    [InlineData("*1\n~1\n1x\n")]
    [InlineData("*1\n+1y\n")]
    [InlineData("*1\n:2x\n")]
    [InlineData("*1\n:1\nx\n")]
    [InlineData("*1\n:21\n184467440737095516156\n")]
    [InlineData("*1\n&1A\n")]
    [InlineData("*1\n_1A\n")]
    public void BadDigitsAreDatatypeParseFailures(string packet) => AssertStatus(ParseStatus.DatatypeParseFailure, packet);

    [Theory]
    [InlineData("$2\n*2\n")]
    [InlineData("\r1\n*2\n")]
    [InlineData("GET x\n")]
    [InlineData("~1\n1\nx\n")]
    [InlineData("*1\n~1\n1\nxy")]
    [InlineData("*1\n~2\n1\nx\n1\nyz\n")]
    public void PacketsNotShapedLikeAQueryAreUnexpectedBytes(string packet) => AssertStatus(ParseStatus.UnexpectedByte, packet);

    [Fact]
    public void AZeroCountIsABadPacket() => AssertStatus(ParseStatus.BadPacket, "*0\n");

    [Fact]
    public void AZeroCountWithLeadingZerosIsABadPacket() => AssertStatus(ParseStatus.BadPacket, "*000\n");

    [Theory]
    [InlineData("*1\n$4\nHEYA\n")]
    [InlineData("*1\n&1\n$1\n")]
    [InlineData("*1\n_1\n:1\n1\n")]
    [InlineData("*1\n_2\n+1\na\n~0\n")]
    [InlineData("*1\n\n")]
    public void UnknownTypeSymbolsAreUnknownDatatypes(string packet) => AssertStatus(ParseStatus.UnknownDatatype, packet);

    // DECISIONS.md 2: a malformed byte after a `+` or `:` element is a packet error, not an endless wait.
    [Theory]
    [InlineData("*1\n+1\nxy")]
    [InlineData("*1\n+0\nx")]
    [InlineData("*1\n:1\n12")]
    [InlineData("*1\n:0\n\n")]
    [InlineData("*1\n_1\n+2\nabc")]
    [InlineData("*1\n&2\n+1\na\n:1\n12")]
    public void MalformedStringOrIntegerEndsAreUnexpectedBytes(string packet) => AssertStatus(ParseStatus.UnexpectedByte, packet);

    [Fact]
    public void TheUpstreamSimpleQueryVectorParses() =>
        AssertComplete("*1\n~3\n3\nthe\n3\ncat\n6\nmeowed\n", ParsedStage.Any("the", "cat", "meowed"));

    [Fact]
    public void U64MaxParsesAsAnIntegerElement() => AssertComplete("*1\n:20\n18446744073709551615\n", ParsedStage.Other);

    [Fact]
    public void ParseUnsignedReadsU64Max()
    {
        Assert.Equal(ParseStatus.Complete, SkyhashParser.ParseUnsigned(B("18446744073709551615"), out var value));
        Assert.Equal(ulong.MaxValue, value);
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("184467440737095516156")]
    [InlineData("99999999999999999999")]
    [InlineData("1a")]
    [InlineData("+1")]
    public void ParseUnsignedRefusesOverflowAndNonDigits(string digits) =>
        Assert.Equal(ParseStatus.DatatypeParseFailure, SkyhashParser.ParseUnsigned(B(digits), out _));

    [Fact]
    public void ParseUnsignedAcceptsLeadingZeros()
    {
        Assert.Equal(ParseStatus.Complete, SkyhashParser.ParseUnsigned(B("007"), out var value));
        Assert.Equal(7UL, value);
    }

    [Fact]
    public void ParseUnsignedOfNothingIsNotEnough() => Assert.Equal(ParseStatus.NotEnough, SkyhashParser.ParseUnsigned([], out _));

    [Fact]
    public void LeadingZerosInCountsAndLengthsAreAccepted() => AssertComplete("*01\n~002\n03\nGET\n001\nx\n", ParsedStage.Any("GET", "x"));

    [Fact]
    public void AFollowingPacketIsLeftInTheBuffer() =>
        AssertComplete(Simple("GET", "x") + "*1\n", Simple("GET", "x").Length, ParsedStage.Any("GET", "x"));

    [Fact]
    public void TrailingBytesThatDoNotStartAPacketAreUnexpectedBytes() =>
        AssertStatus(ParseStatus.UnexpectedByte, Simple("GET", "x") + "&1\n+1\na\n");

    [Fact]
    public void ATwoStagePacketWithOneStageIsNotEnough() => AssertStatus(ParseStatus.NotEnough, "*2\n" + AnyArray("HEYA"));

    [Fact]
    public void TheSetExampleParses() => AssertComplete("*1\n~3\n3\nSET\n1\nx\n3\n100\n", ParsedStage.Any("SET", "x", "100"));

    [Fact]
    public void TheHeyaPipelineExampleParses() =>
        AssertComplete("*2\n~2\n4\nHEYA\n4\nonce\n~2\n4\nHEYA\n5\ntwice\n", ParsedStage.Any("HEYA", "once"), ParsedStage.Any("HEYA", "twice"));

    [Theory]
    [InlineData("*1\n~3\n3\nSET\n1\nk\n5\nhello\n", "SET", "k", "hello")]
    [InlineData("*1\n~2\n3\nget\n1\nk\n", "get", "k")]
    [InlineData("*1\n~3\n3\nSET\n1\nk\n1\nx\n", "SET", "k", "x")]
    public void TheWorkedExampleOneQueriesParse(string packet, params string[] items) => AssertComplete(packet, ParsedStage.Any(items));

    [Fact]
    public void TheWorkedExampleTwoPipelineParses() =>
        AssertComplete(
            "*3\n~4\n4\nMSET\n1\nx\n1\ny\n1\nz\n~2\n4\nMGET\n1\nq\n~2\n4\nHEYA\n2\nok\n",
            ParsedStage.Any("MSET", "x", "y", "z"),
            ParsedStage.Any("MGET", "q"),
            ParsedStage.Any("HEYA", "ok"));

    [Fact]
    public void TheWorkedExampleThreeStringQueryParsesAsNotExecutable() => AssertComplete("*1\n+4\nHEYA\n", ParsedStage.Other);

    [Fact]
    public void TheWorkedExampleFourIsAnUnknownDatatype() => AssertStatus(ParseStatus.UnknownDatatype, "*1\n$4\nHEYA\n");

    [Fact]
    public void TheWorkedExampleFiveIsAnUnexpectedByte() => AssertStatus(ParseStatus.UnexpectedByte, "GET x\n");

    [Fact]
    public void TheWorkedExampleSixIsADatatypeParseFailure() => AssertStatus(ParseStatus.DatatypeParseFailure, "*1x\n");

    [Fact]
    public void TheWorkedExampleSevenIsAnEmptyAnyArray() => AssertComplete("*1\n~0\n", ParsedStage.Any());

    [Fact]
    public void TheWorkedExampleEightPipelineParses() =>
        AssertComplete("*2\n~1\n4\nHEYA\n~1\n4\nHEYA\n", ParsedStage.Any("HEYA"), ParsedStage.Any("HEYA"));

    [Fact]
    public void ItemsMayBeEmptyAndHoldAnyByte() =>
        AssertComplete("*1\n~3\n0\n\n3\na\nb\n4\n\0\r\xff*\n", ParsedStage.Any(string.Empty, "a\nb", "\0\r\xff*"));

    [Fact]
    public void EveryElementKindParsesAsAPipelineStage() =>
        AssertComplete(
            "*6\n~1\n1\na\n+2\nhi\n:3\n123\n&2\n+1\nx\n&1\n:1\n0\n_2\n+1\na\n+0\n\n~0\n",
            ParsedStage.Any("a"),
            ParsedStage.Other,
            ParsedStage.Other,
            ParsedStage.Other,
            ParsedStage.Other,
            ParsedStage.Any());

    [Fact]
    public void AnAnyArrayNestedInAnArrayIsValidatedButNotRecorded() => AssertComplete("*1\n&1\n~2\n1\na\n1\nb\n", ParsedStage.Other);

    [Fact]
    public void ABadAnyArrayItemNestedInAnArrayIsAnUnexpectedByte() => AssertStatus(ParseStatus.UnexpectedByte, "*1\n&1\n~1\n1\nab\n");

    [Fact]
    public void ACarriageReturnIsAnOrdinaryDataByte() => AssertComplete("*1\n~1\n2\n\r\r\n", ParsedStage.Any("\r\r"));

    [Fact]
    public void TheNeededHintPointsAtTheEndOfADeclaredItem()
    {
        // "*1\n~1\n5\n" is 8 bytes; the item and its line feed end at byte 14.
        var result = Parse("*1\n~1\n5\nhe");
        Assert.Equal(ParseStatus.NotEnough, result.Status);
        Assert.Equal(14, result.Needed);
    }

    [Fact]
    public void TheNeededHintAsksForOneMoreByteInsideALine()
    {
        var result = Parse("*1\n~1\n12");
        Assert.Equal(ParseStatus.NotEnough, result.Status);
        Assert.Equal(9, result.Needed);
    }

    [Fact]
    public void TheNeededHintOfAShortBufferIsThreeBytes() => Assert.Equal(3, Parse("*").Needed);

    [Fact]
    public void AReusedQueryHoldsOnlyTheLatestPacket()
    {
        var query = new ParsedQuery();
        Parse(B(Pipeline(["A", "1"], ["B", "2"], ["C"])), query: query);
        var result = Parse(B(Simple("GET", "x")), query: query);
        Assert.Equal([ParsedStage.Any("GET", "x")], result.Stages);
        Assert.False(query.IsPipeline);
        Assert.Equal(1, query.DeclaredCount);
    }

    [Fact]
    public void APipelineReportsItsDeclaredCount()
    {
        var query = new ParsedQuery();
        Parse(B(Pipeline(["A"], ["B"])), query: query);
        Assert.True(query.IsPipeline);
        Assert.Equal(2, query.StageCount);
    }
}
