using System.Reflection;
using System.Text;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Protocol.Tests;

/// <summary>Every pre-encoded entry of <see cref="Responses.Responses"/> is a well-formed element or packet.</summary>
public sealed class ResponsesTableTests
{
    private delegate ReadOnlySpan<byte> SpanGetter();

    private static readonly string[] AllNames =
        [.. typeof(Responses.Responses).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name)];

    public static TheoryData<string> Names { get; } = new(AllNames);

    [Fact]
    public void TheTableHoldsEveryCodeAndErrorWord() => Assert.True(AllNames.Length >= 47, $"{AllNames.Length} entries");

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryEntryDeclaresItsPayloadLength(string name)
    {
        var bytes = Entry(name);

        // Whole packets carry the metaframe upstream writes (skyhash-1.0.md §5); the element follows it.
        var element = bytes.StartsWith("*1\n", StringComparison.Ordinal) ? bytes[3..] : bytes;
        Assert.True(element[0] is '!' or '+', $"{name}: {ParserKit.Show(bytes)}");
        var lf = element.IndexOf('\n', StringComparison.Ordinal);
        Assert.True(lf > 1, name);
        Assert.Equal(ParseStatus.Complete, SkyhashParser.ParseUnsigned(Encoding.Latin1.GetBytes(element[1..lf]), out var length));
        var payload = element[(lf + 1)..];
        Assert.True(payload.EndsWith('\n'), $"{name} must end with a line feed");
        Assert.Equal((int)length, payload.Length - 1);
        Assert.DoesNotContain('\n', payload[..^1]);
    }

    [Theory]
    [InlineData(nameof(Responses.Responses.Okay), "!1\n0\n")]
    [InlineData(nameof(Responses.Responses.Nil), "!1\n1\n")]
    [InlineData(nameof(Responses.Responses.OverwriteError), "!1\n2\n")]
    [InlineData(nameof(Responses.Responses.ActionError), "!1\n3\n")]
    [InlineData(nameof(Responses.Responses.PacketError), "!1\n4\n")]
    [InlineData(nameof(Responses.Responses.ServerError), "!1\n5\n")]
    [InlineData(nameof(Responses.Responses.OtherError), "!1\n6\n")]
    [InlineData(nameof(Responses.Responses.Wrongtype), "!1\n7\n")]
    [InlineData(nameof(Responses.Responses.UnknownDataType), "!1\n8\n")]
    [InlineData(nameof(Responses.Responses.EncodingError), "!1\n9\n")]
    [InlineData(nameof(Responses.Responses.BadCredentials), "!2\n10\n")]
    [InlineData(nameof(Responses.Responses.AuthnRealmError), "!2\n11\n")]
    [InlineData(nameof(Responses.Responses.PacketErrorPacket), "*1\n!1\n4\n")]
    [InlineData(nameof(Responses.Responses.UnknownDataTypePacket), "*1\n!1\n8\n")]
    [InlineData(nameof(Responses.Responses.DatatypeParseFailurePacket), "!1\n7\n")]
    [InlineData(nameof(Responses.Responses.UnknownAction), "!14\nUnknown action\n")]
    [InlineData(nameof(Responses.Responses.Heya), "+4\nHEY!\n")]
    public void CodesAndPacketsAreTheSpecsBytes(string name, string expected) => Assert.Equal(expected, Entry(name));

    [Fact]
    public void NoTwoElementsSpellTheSameBytes()
    {
        // The packets are excluded: the bare datatype-failure packet is the wrongtype element by design.
        var entries = AllNames.Where(n => !n.EndsWith("Packet", StringComparison.Ordinal)).Select(Entry).ToList();
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Entry(string name)
    {
        var getter = typeof(Responses.Responses).GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetMethod!;
        var read = getter.CreateDelegate<SpanGetter>();
        return Encoding.Latin1.GetString(read());
    }
}
