using System.Text;
using SkydFast.Host.Configuration.Toml;
using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Whole documents: upstream's config, lines, comments, encodings, positions, size and nesting limits.</summary>
public sealed class DocumentTests
{
    [Fact]
    public void UpstreamsExampleConfigParsesIntoItsFourSectionsInDocumentOrder()
    {
        const string Config = """
            [server]
            host = "127.0.0.1"
            port = 2003
            noart = false
            [bgsave]
            enabled = true
            every = 120
            [snapshot]
            every = 3600
            atmost = 4
            failsafe = true
            [ssl]
            key = "/path/to/key.pem"
            chain = "/path/to/chain.pem"
            port = 2004
            """;
        var root = Parses(Config,
            "{server={host=\"127.0.0.1\"@2:8, port=2003@3:8, noart=false@4:9}@1:1, "
            + "bgsave={enabled=true@6:11, every=120@7:9}@5:1, "
            + "snapshot={every=3600@9:9, atmost=4@10:10, failsafe=true@11:12}@8:1, "
            + "ssl={key=\"/path/to/key.pem\"@13:7, chain=\"/path/to/chain.pem\"@14:9, port=2004@15:8}@12:1}@1:1");
        Assert.Equal(new[] { "server", "bgsave", "snapshot", "ssl" }, root.Keys);
        var server = Assert.IsType<TomlTable>(root["server"]);
        Assert.Equal(2003, Assert.IsType<TomlInteger>(server["port"]).Value);
        Assert.False(root.ContainsKey("SERVER"));
    }

    [Fact]
    public void AConsumersTypeErrorNamesTheValuesLineAndColumn()
    {
        var root = TomlReader.Parse("[bgsave]\nevery = 0.5\n");
        var every = ((TomlTable)root["bgsave"])["every"];
        var error = new TomlException(every.Position, "invalid type: floating point `0.5`, expected u64");
        Assert.Equal("TOML parse error at line 2, column 9: invalid type: floating point `0.5`, expected u64", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("   \t\n")]
    [InlineData("# only a comment")]
    [InlineData("# a comment\n\t  # another, indented\n")]
    public void ADocumentWithNoPairsIsAnEmptyRootTable(string document) => Parses(document, "{}@1:1");

    [Fact]
    public void CommentsMayFollowEveryLineAndHoldAnyNonControlText()
    {
        const string Document = """
            # Ünïcödé 😀, tabs	and "quotes" and # more hashes
            a = 1 # after a value
            b = "# not a comment" #after a string without a space
            [t] # after a header
            c = [ # inside an array
              2, # after an element
              # on its own line
            ] # after the array
            """;
        Parses(Document, "{a=1@2:5, b=\"# not a comment\"@3:5, t={c=[2@6:3]@5:5}@4:1}@1:1");
    }

    [Theory]
    [InlineData("# \0", 1, 3, "control character U+0000 is not allowed in a comment")]
    [InlineData("a = 1 # \x1F", 1, 9, "control character U+001F is not allowed in a comment")]
    [InlineData("# \x7F", 1, 3, "control character U+007F is not allowed in a comment")]
    [InlineData("\n#\f", 2, 2, "control character U+000C is not allowed in a comment")]
    [InlineData("# a\rb", 1, 4, "a carriage return must be followed by a line feed")]
    public void ControlCharactersInCommentsAreRejected(string document, int line, int column, string reason) =>
        Fails(document, line, column, reason);

    [Fact]
    public void CrlfLineEndingsCountAsOneNewline()
    {
        Parses("a = 1\r\n[t]\r\nb = [\r\n  2,\r\n]\r\n# c\r\nc = 'x'\r\n",
            "{a=1@1:5, t={b=[2@4:3]@3:5, c=\"x\"@7:5}@2:1}@1:1");
    }

    [Theory]
    [InlineData("a = 1\rb = 2", 1, 6)]
    [InlineData("\r", 1, 1)]
    [InlineData("a = [1,\r2]", 1, 8)]
    [InlineData("[t]\r", 1, 4)]
    public void ACarriageReturnWithoutALineFeedIsRejected(string document, int line, int column) =>
        Fails(document, line, column, "a carriage return must be followed by a line feed");

    [Theory]
    [InlineData("\0a = 1", 1, 1, "expected a key, found control character U+0000")]
    [InlineData("a = 1\n\x01", 2, 1, "expected a key, found control character U+0001")]
    [InlineData("\va = 1", 1, 1, "expected a key, found control character U+000B")]
    [InlineData("\fa = 1", 1, 1, "expected a key, found control character U+000C")]
    [InlineData("a = 1\0", 1, 6, "expected a newline or the end of the file after a key/value pair, found control character U+0000")]
    [InlineData("a =\x7F 1", 1, 4, "expected a value, found control character U+007F")]
    public void ControlCharactersOutsideStringsAndCommentsAreRejected(string document, int line, int column, string reason) =>
        Fails(document, line, column, reason);

    [Fact]
    public void AByteOrderMarkAtTheStartIsIgnoredAndColumnsCountAfterIt()
    {
        Parses("\uFEFFa = 1\nb = 2", "{a=1@1:5, b=2@2:5}@1:1");
        Fails("\uFEFFa = 1 x", 1, 7, "expected a newline or the end of the file after a key/value pair, found 'x'");
    }

    [Fact]
    public void AByteOrderMarkAnywhereElseIsRejected()
    {
        Fails("a = 1\n\uFEFFb = 2", 2, 1, "expected a key, found '\uFEFF' (U+FEFF)");
        Fails("\uFEFF\uFEFFa = 1", 1, 1, "expected a key, found '\uFEFF' (U+FEFF)");
    }

    [Fact]
    public void AKeyValuePairMustEndItsLine()
    {
        Fails("a = 1 b = 2", 1, 7, "expected a newline or the end of the file after a key/value pair, found 'b'");
        Fails("a = \"x\"\"y\"", 1, 8, "expected a newline or the end of the file after a key/value pair, found '\"'");
        Fails("a = 1, b = 2", 1, 6, "expected a newline or the end of the file after a key/value pair, found ','");
        Parses("a = 1", "{a=1@1:5}@1:1");
        Parses("a = 1 \t", "{a=1@1:5}@1:1");
        Parses("a = 1#", "{a=1@1:5}@1:1");
    }

    [Fact]
    public void ColumnsCountCodePointsNotUtf16Units()
    {
        Parses("\"😀😀\" = \"é😀\"\nb = 1", "{\"😀😀\"=\"é😀\"@1:8, b=1@2:5}@1:1");
        Fails("a = \"😀\" b", 1, 9, "expected a newline or the end of the file after a key/value pair, found 'b'");
        Fails("😀 = 1", 1, 1, "expected a key, found '😀' (U+1F600)");
    }

    [Fact]
    public void AnUnpairedSurrogateIsRejectedAsInvalidUnicode()
    {
        Fails("a = \"x\uD800\"", 1, 7, "unpaired surrogate U+D800: the text is not valid Unicode");
        Fails("# \uDC00", 1, 3, "unpaired surrogate U+DC00: the text is not valid Unicode");
    }

    [Fact]
    public void Utf8BytesParseAndALeadingByteOrderMarkIsIgnored()
    {
        var root = TomlReader.Parse("\uFEFFname = \"Zoë 😀\"\n"u8);
        Assert.Equal("{name=\"Zoë 😀\"@1:8}@1:1", Dump(root));
        Assert.Equal("{a=1@1:5}@1:1", Dump(TomlReader.Parse([0xEF, 0xBB, 0xBF, .. "a = 1"u8])));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)' ', (byte)'=', (byte)' ', (byte)'"', (byte)'x', 0xFF, (byte)'"' }, 1, 7)]
    [InlineData(new byte[] { (byte)'#', (byte)'\n', (byte)'#', 0xC3, 0xA9, 0xC3 }, 2, 3)]
    [InlineData(new byte[] { (byte)'a', (byte)'=', 0xED, 0xA0, 0x80 }, 1, 3)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, 1, 1)]
    [InlineData(new byte[] { (byte)'#', 0xC0, 0x80 }, 1, 2)]
    public void InvalidUtf8IsRejectedAtTheFirstBadByte(byte[] document, int line, int column)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(document));
        Assert.Equal("invalid UTF-8: a TOML document must be valid UTF-8", error.Reason);
        Assert.Equal(new TomlPosition(line, column), error.Position);
    }

    [Fact]
    public void NestingOf128ArraysOrInlineTablesIsAcceptedAnd129IsRejected()
    {
        string arrays = new string('[', 128) + new string(']', 128);
        var value = Value(arrays);
        for (int depth = 1; depth < 128; depth++)
        {
            value = Assert.Single(Assert.IsType<TomlArray>(value));
        }

        Assert.Empty(Assert.IsType<TomlArray>(value));
        Fails("v = " + new string('[', 129), 1, 4 + 129, "arrays and inline tables are nested more than 128 deep");

        string tables = string.Concat(Enumerable.Repeat("{a=", 127)) + "{}" + new string('}', 127);
        Assert.IsType<TomlTable>(Value(tables));
        Fails("v = " + string.Concat(Enumerable.Repeat("{a=[", 65)), 1, 4 + (64 * 4) + 1, "arrays and inline tables are nested more than 128 deep");
    }

    [Fact]
    public void HugeNestingIsAnErrorNotAStackOverflow()
    {
        Fails("v = " + new string('[', 1_000_000), 1, 133, "arrays and inline tables are nested more than 128 deep");
        Fails("v = " + string.Concat(Enumerable.Repeat("{ a = ", 200_000)), 1, 4 + (128 * 6) + 1, "arrays and inline tables are nested more than 128 deep");
    }

    [Fact]
    public void VeryLongDottedKeysAndHeadersNestTablesWithoutRecursion()
    {
        const int Depth = 100_000;
        string path = string.Join('.', Enumerable.Repeat("k", Depth));
        // No recursion per level: 100 000 levels would overflow the stack (the time it takes is in
        // bench/SkydFast.Benchmarks/Toml).
        var root = TomlReader.Parse($"{path} = 1\n[{path}x]\n[x.{path}]\ny = {{ {path} = 2 }}\n");
        TomlValue value = root;
        for (int i = 0; i < Depth; i++)
        {
            value = ((TomlTable)value)["k"];
        }

        Assert.Equal(1, Assert.IsType<TomlInteger>(value).Value);
    }

    [Fact]
    public void LargeDocumentsParseInLinearTime()
    {
        // Each input is a few megabytes, and each parses to exactly what it holds (the time, linear in the size, is
        // measured in bench/SkydFast.Benchmarks/Toml).
        var keys = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            keys.Append("key").Append(i).Append(" = ").Append(i).Append(" # c\n");
        }

        var tables = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            tables.Append("[[a.b]]\nc.d = ").Append(i).Append("\n[a.b.e]\n");
        }

        string oneLineArray = "a = [" + string.Concat(Enumerable.Repeat("1, \"😀\", 2.5, ", 200_000)) + "]";
        string longString = "a = \"" + new string('x', 4_000_000) + "\\n\"";
        string manyEscapes = "a = \"\"\"" + string.Concat(Enumerable.Repeat("\\u00e9\\\n  ", 300_000)) + "\"\"\"";
        Assert.Equal(100_000, TomlReader.Parse(keys.ToString()).Count);
        Assert.Equal(50_000, ((TomlArray)((TomlTable)TomlReader.Parse(tables.ToString())["a"])["b"]).Count);
        Assert.Equal(600_000, ((TomlArray)TomlReader.Parse(oneLineArray)["a"]).Count);
        Assert.Equal(4_000_001, ((TomlString)TomlReader.Parse(longString)["a"]).Value.Length);
        Assert.Equal(300_000, ((TomlString)TomlReader.Parse(manyEscapes)["a"]).Value.Length);
    }
}
