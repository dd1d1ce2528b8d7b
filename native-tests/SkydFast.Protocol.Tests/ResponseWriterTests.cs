using System.Buffers;
using System.Text;
using SkydFast.Protocol.Responses;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>The exact bytes of every <see cref="ResponseWriter"/> method (skyhash-1.0.md §6).</summary>
public sealed class ResponseWriterTests
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly ResponseWriter _writer;

    public ResponseWriterTests() => _writer = new ResponseWriter(_output);

    private string Written => Encoding.Latin1.GetString(_output.WrittenSpan);

    [Fact]
    public void WriteRawCopiesTheBytes()
    {
        _writer.WriteRaw(Responses.Responses.Okay);
        _writer.WriteRaw([]);
        Assert.Equal("!1\n0\n", Written);
    }

    [Theory]
    [InlineData(1, "*1\n")]
    [InlineData(16, "*16\n")]
    [InlineData(1_048_576, "*1048576\n")]
    public void WriteMetaframeWritesTheCount(int count, string expected)
    {
        _writer.WriteMetaframe(count);
        Assert.Equal(expected, Written);
    }

    [Theory]
    [InlineData("HEY!", "+4\nHEY!\n")]
    [InlineData("", "+0\n\n")]
    [InlineData("a\nb\0", "+4\na\nb\0\n")]
    public void WriteStringWritesALengthPrefixedString(string value, string expected)
    {
        _writer.WriteString(B(value));
        Assert.Equal(expected, Written);
    }

    [Theory]
    [InlineData(ResponseWriter.BinarySymbol, "100", "?3\n100\n")]
    [InlineData(ResponseWriter.StringSymbol, "100", "+3\n100\n")]
    [InlineData(ResponseWriter.BinarySymbol, "", "?0\n\n")]
    [InlineData(ResponseWriter.StringSymbol, "", "+0\n\n")]
    public void WriteValueUsesTheTablesSymbol(byte symbol, string value, string expected)
    {
        _writer.WriteValue(symbol, B(value));
        Assert.Equal(expected, Written);
    }

    [Fact]
    public void WriteValueOfALargeValueWritesItWhole()
    {
        var value = new string('v', 300_000);
        _writer.WriteValue(ResponseWriter.BinarySymbol, B(value));
        Assert.Equal($"?300000\n{value}\n", Written);
    }

    [Theory]
    [InlineData(0UL, ":1\n0\n")]
    [InlineData(12UL, ":2\n12\n")]
    [InlineData(1_000_000UL, ":7\n1000000\n")]
    [InlineData(ulong.MaxValue, ":20\n18446744073709551615\n")]
    public void WriteUnsignedWritesTheDigitCountThenTheDigits(ulong value, string expected)
    {
        _writer.WriteUnsigned(value);
        Assert.Equal(expected, Written);
    }

    [Fact]
    public void WriteFloatWritesTheTextAsGiven()
    {
        _writer.WriteFloat("1.2"u8);
        Assert.Equal("%3\n1.2\n", Written);
    }

    [Fact]
    public void ATypedArrayWithNullsIsWrittenEntryByEntry()
    {
        _writer.WriteTypedArrayHeader(ResponseWriter.StringSymbol, 3);
        _writer.WriteArrayEntry("1"u8);
        _writer.WriteArrayNull();
        _writer.WriteArrayEntry([]);
        Assert.Equal("@+3\n1\n1\n\0\n0\n\n", Written);
    }

    [Fact]
    public void AnEmptyTypedArrayIsItsHeader()
    {
        _writer.WriteTypedArrayHeader(ResponseWriter.BinarySymbol, 0);
        _writer.WriteNonNullArrayHeader(ResponseWriter.StringSymbol, 0);
        Assert.Equal("@?0\n^+0\n", Written);
    }

    [Fact]
    public void ANonNullArrayIsWrittenAsWhereAmIAnswers()
    {
        _writer.WriteMetaframe(1);
        _writer.WriteNonNullArrayHeader(ResponseWriter.StringSymbol, 2);
        _writer.WriteArrayEntry("default"u8);
        _writer.WriteArrayEntry("default"u8);
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", Written);
    }

    [Fact]
    public void ALargeArrayEntryIsWrittenWhole()
    {
        var value = new string('e', 100_000);
        _writer.WriteArrayEntry(B(value));
        Assert.Equal($"100000\n{value}\n", Written);
    }

    [Fact]
    public void ResetPointsTheWriterAtAnotherOutput()
    {
        var other = new ArrayBufferWriter<byte>();
        _writer.Reset(other);
        _writer.WriteUnsigned(7);
        Assert.Empty(Written);
        Assert.Equal(":1\n7\n", Encoding.Latin1.GetString(other.WrittenSpan));
    }

    [Fact]
    public void TheMgetExampleIsByteExact()
    {
        _writer.WriteMetaframe(1);
        _writer.WriteTypedArrayHeader(ResponseWriter.StringSymbol, 2);
        _writer.WriteArrayEntry("1"u8);
        _writer.WriteArrayNull();
        Assert.Equal("*1\n@+2\n1\n1\n\0\n", Written);
    }

    [Fact]
    public void WritingAGetAnswerAllocatesNothing()
    {
        var value = B("hello");
        _writer.WriteValue(ResponseWriter.BinarySymbol, value);
        _writer.WriteUnsigned(ulong.MaxValue);
        _output.ResetWrittenCount();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _writer.WriteMetaframe(1);
            _writer.WriteValue(ResponseWriter.BinarySymbol, value);
            _writer.WriteUnsigned(ulong.MaxValue);
            _output.ResetWrittenCount();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

/// <summary>The error count the metrics read (<see cref="ResponseWriter.ErrorResponses"/>).</summary>
public sealed class ResponseWriterErrorCountTests
{
    [Fact]
    public void OnlyCodesFromThreeUpAndErrorStringsCount()
    {
        var writer = new ResponseWriter(new ArrayBufferWriter<byte>());
        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.Okay);
        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.Nil);
        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.OverwriteError);
        writer.WriteUnsigned(7);
        writer.WriteString("!1\n9\n"u8);
        writer.WriteProtocolError(SkydFast.Protocol.Responses.Responses.PacketErrorPacket);
        writer.WriteProtocolError(SkydFast.Protocol.Responses.Responses.DatatypeParseFailurePacket);
        Assert.Equal(0, writer.ErrorResponses);

        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.ActionError);
        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.ServerError);
        writer.WriteRaw(SkydFast.Protocol.Responses.Responses.UnknownAction);
        writer.WriteRaw("!2\n10\n"u8);
        Assert.Equal(4, writer.ErrorResponses);
    }
}
