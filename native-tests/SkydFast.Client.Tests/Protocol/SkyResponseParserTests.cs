using System.Text;
using SkydFast.Client.Protocol;

namespace SkydFast.Client.Tests.Protocol;

/// <summary>The reply parser on every type of skyhash-1.0.md §6, whole, byte by byte, truncated and malformed.</summary>
public sealed class SkyResponseParserTests
{
    public static TheoryData<string> ValidPackets => new()
    {
        "*1\n+5\nhello\n",
        "*1\n?3\na\nb\n",
        "*1\n:20\n18446744073709551615\n",
        "*1\n%3\n1.2\n",
        "*1\n!1\n0\n",
        "*1\n!11\nwrong-model\n",
        "*1\n@+3\n1\na\n\0\n0\n\n",
        "*1\n^?2\n1\nb\n2\ncd\n",
        "*1\n&3\n+1\na\n&1\n:1\n5\n@?0\n",
        "*1\n_3\n+1\na\n:1\n7\n!1\n1\n",
        "*3\n!1\n0\n?1\n1\n!1\n1\n",
    };

    private static IReadOnlyList<SkyElement> Parse(string packet) => SkyResponseParser.Parse(Encoding.Latin1.GetBytes(packet));

    private static SkyElement One(string packet) => Assert.Single(Parse(packet));

    [Fact]
    public void StringsAndBinaryStringsKeepTheirBytesAndSymbol()
    {
        var text = Assert.IsType<SkyValue>(One("*1\n+5\nhello\n"));
        Assert.Equal(SkyElementKind.String, text.Kind);
        Assert.False(text.IsBinary);
        Assert.Equal("hello", text.Text);

        var binary = Assert.IsType<SkyValue>(One("*1\n?3\na\nb\n"));
        Assert.Equal(SkyElementKind.Binary, binary.Kind);
        Assert.Equal("a\nb"u8.ToArray(), binary.ToArray());
        Assert.Equal([0, 0xff], Assert.IsType<SkyValue>(One("*1\n?2\n\0\xff\n")).ToArray());
        Assert.Equal(string.Empty, Assert.IsType<SkyValue>(One("*1\n+0\n\n")).Text);
    }

    [Fact]
    public void IntegersCoverTheWholeU64Range()
    {
        Assert.Equal(0UL, Assert.IsType<SkyInteger>(One("*1\n:1\n0\n")).Value);
        Assert.Equal(12UL, Assert.IsType<SkyInteger>(One("*1\n:2\n12\n")).Value);
        Assert.Equal(ulong.MaxValue, Assert.IsType<SkyInteger>(One("*1\n:20\n18446744073709551615\n")).Value);
    }

    [Fact]
    public void FloatsKeepTheirText()
    {
        var number = Assert.IsType<SkyFloat>(One("*1\n%3\n1.2\n"));
        Assert.Equal(1.2f, number.Value);
        Assert.Equal("1.2", number.Text);
        Assert.Equal(-0.5f, Assert.IsType<SkyFloat>(One("*1\n%4\n-0.5\n")).Value);
    }

    [Fact]
    public void DigitsAreResponseCodesAndWordsAreErrorStrings()
    {
        Assert.Equal(SkyResponseCode.Okay, Assert.IsType<SkyCode>(One("*1\n!1\n0\n")).Code);
        Assert.Equal(SkyResponseCode.BadCredentials, Assert.IsType<SkyCode>(One("*1\n!2\n10\n")).Code);
        Assert.Equal((SkyResponseCode)42, Assert.IsType<SkyCode>(One("*1\n!2\n42\n")).Code);
        Assert.Equal("Unknown action", Assert.IsType<SkyErrorString>(One("*1\n!14\nUnknown action\n")).Text);
        Assert.False(One("*1\n!1\n0\n").IsError);
        Assert.False(One("*1\n!1\n1\n").IsError);
        Assert.True(One("*1\n!1\n2\n").IsError);
        Assert.True(One("*1\n!11\nwrong-model\n").IsError);
    }

    [Fact]
    public void TypedArraysHoldNullsOnlyWhenNullable()
    {
        var nullable = Assert.IsType<SkyTypedArray>(One("*1\n@+3\n1\na\n\0\n0\n\n"));
        Assert.Equal(SkyElementKind.TypedArray, nullable.Kind);
        Assert.Equal(["a", null, ""], Connect.Texts(nullable.Items));
        Assert.All(nullable.Items.OfType<SkyValue>(), v => Assert.False(v.IsBinary));

        var nonNull = Assert.IsType<SkyTypedArray>(One("*1\n^?2\n1\nb\n2\ncd\n"));
        Assert.Equal(SkyElementKind.NonNullTypedArray, nonNull.Kind);
        Assert.True(nonNull.IsBinary);
        Assert.Equal(["b", "cd"], Connect.Texts(nonNull.Items));
        Assert.Empty(Assert.IsType<SkyTypedArray>(One("*1\n@?0\n")).Items);
    }

    [Fact]
    public void NestedAndFlatArraysHoldElements()
    {
        var nested = Assert.IsType<SkyArray>(One("*1\n&3\n+1\na\n&1\n:1\n5\n@?0\n"));
        Assert.False(nested.IsFlat);
        Assert.Equal("a", Assert.IsType<SkyValue>(nested.Items[0]).Text);
        Assert.Equal(5UL, Assert.IsType<SkyInteger>(Assert.Single(Assert.IsType<SkyArray>(nested.Items[1]).Items)).Value);
        Assert.Empty(Assert.IsType<SkyTypedArray>(nested.Items[2]).Items);

        var flat = Assert.IsType<SkyArray>(One("*1\n_3\n+1\na\n:1\n7\n!1\n1\n"));
        Assert.True(flat.IsFlat);
        Assert.Equal(SkyElementKind.FlatArray, flat.Kind);
        Assert.Equal(SkyResponseCode.Nil, Assert.IsType<SkyCode>(flat.Items[2]).Code);
    }

    [Fact]
    public void APipelineReplyHasOneElementPerStage()
    {
        var replies = Parse("*3\n!1\n0\n?1\n1\n!1\n1\n");
        Assert.Equal(3, replies.Count);
        Assert.Equal("1", Assert.IsType<SkyValue>(replies[1]).Text);
    }

    [Theory]
    [MemberData(nameof(ValidPackets))]
    public void EveryPrefixOfAValidReplyAsksForMoreInsteadOfFailing(string packet)
    {
        var bytes = Encoding.Latin1.GetBytes(packet);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(SkyResponseParser.TryParse(bytes.AsSpan(0, length), out _, out _), $"prefix of {length} bytes");
            var error = Assert.Throws<SkyProtocolException>(() => SkyResponseParser.Parse(bytes.AsSpan(0, length)));
            Assert.StartsWith("truncated reply", error.Message, StringComparison.Ordinal);
        }

        Assert.True(SkyResponseParser.TryParse(bytes, out _, out var consumed));
        Assert.Equal(bytes.Length, consumed);
    }

    [Theory]
    [MemberData(nameof(ValidPackets))]
    public void FedByteByByteOneParserGivesTheSameElements(string packet)
    {
        var bytes = Encoding.Latin1.GetBytes(packet);
        var parser = new SkyResponseParser();
        IReadOnlyList<SkyElement>? elements = null;
        for (var length = 0; length <= bytes.Length && elements is null; length++)
        {
            parser.Advance(bytes.AsSpan(0, length), out elements);
        }

        Assert.NotNull(elements);
        Assert.Equal(bytes.Length, parser.Consumed);
        Assert.Equal(Describe(Parse(packet)), Describe(elements));
    }

    [Fact]
    public void ALongValueAsksForItsWholeLengthAtOnce()
    {
        var parser = new SkyResponseParser();
        Assert.False(parser.Advance("*1\n+100\nab"u8, out _));
        Assert.Equal(3 + 5 + 100 + 1, parser.MinimumLength);
    }

    [Fact]
    public void BytesAfterThePacketAreLeftForTheCaller()
    {
        Assert.True(SkyResponseParser.TryParse("*1\n!1\n0\n*1\n"u8, out _, out var consumed));
        Assert.Equal(8, consumed);
        Assert.Throws<SkyProtocolException>(() => SkyResponseParser.Parse("*1\n!1\n0\nX"u8));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("!1\n7\n")]
    [InlineData("*0\n")]
    [InlineData("*a\n")]
    [InlineData("*\n")]
    [InlineData("*1\n$3\nabc\n")]
    [InlineData("*1\n~1\n1\na\n")]
    [InlineData("*1\n+3\nabcX")]
    [InlineData("*1\n+\n")]
    [InlineData("*1\n+-1\n")]
    [InlineData("*1\n+123456789012345678901\n")]
    [InlineData("*1\n:0\n\n")]
    [InlineData("*1\n:2\n1a\n")]
    [InlineData("*1\n:21\n184467440737095516160\n")]
    [InlineData("*1\n:20\n18446744073709551616\n")]
    [InlineData("*1\n!0\n\n")]
    [InlineData("*1\n!10\n1234567890\n")]
    [InlineData("*1\n%3\nabc\n")]
    [InlineData("*1\n% 3\n1.2\n")]
    [InlineData("*1\n@x1\n1\na\n")]
    [InlineData("*1\n@+1\n\0x")]
    [InlineData("*1\n@+1\n1\naX")]
    [InlineData("*1\n^+1\n\0\n")]
    [InlineData("*1\n_1\n&0\n")]
    [InlineData("*1\n_1\n@+0\n")]
    [InlineData("*1\n&1\nZ")]
    public void MalformedRepliesThrowAtOnce(string packet)
    {
        var bytes = Encoding.Latin1.GetBytes(packet);
        var error = Assert.Throws<SkyProtocolException>(() => SkyResponseParser.TryParse(bytes, out _, out _));
        Assert.StartsWith("malformed reply at byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArraysNestedTooDeeplyAreRefused()
    {
        var packet = "*1\n" + string.Concat(Enumerable.Repeat("&1\n", 65)) + ":1\n0\n";
        Assert.Throws<SkyProtocolException>(() => SkyResponseParser.Parse(Encoding.ASCII.GetBytes(packet)));
        var fine = "*1\n" + string.Concat(Enumerable.Repeat("&1\n", 64)) + ":1\n0\n";
        Assert.Single(SkyResponseParser.Parse(Encoding.ASCII.GetBytes(fine)));
    }

    [Fact]
    public void AReplyAboveTheLimitIsRefusedBeforeItArrives()
    {
        var parser = new SkyResponseParser(maxResponseBytes: 100);
        var error = Assert.Throws<SkyProtocolException>(() => parser.Advance("*1\n+1000\n"u8, out _));
        Assert.Contains("100-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeDeclaredCountReservesNothing()
    {
        // A count of 2^64-1 entries is accepted and simply waits for entries that a limit would refuse in time.
        Assert.False(SkyResponseParser.TryParse("*1\n@+18446744073709551615\n1\na\n"u8, out _, out _));
    }

    private static string Describe(IEnumerable<SkyElement?> elements) => string.Join(",", elements.Select(Describe));

    private static string Describe(SkyElement? element) => element switch
    {
        null => "null",
        SkyValue v => $"{v.Kind}:{Convert.ToHexString(v.Bytes.Span)}",
        SkyTypedArray a => $"{a.Kind}[{Describe(a.Items)}]",
        SkyArray a => $"{a.Kind}[{Describe(a.Items)}]",
        _ => $"{element.Kind}:{element}",
    };
}
