using SkydFast.Host.Configuration.Toml;
using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Basic, multi-line basic, literal and multi-line literal strings.</summary>
public sealed class StringTests
{
    private const string Escapes = "TOML 1.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX";

    private static string StringOf(string text) => Assert.IsType<TomlString>(Value(text)).Value;

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("''", "")]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("''''''", "")]
    [InlineData("\"a\tb\"", "a\tb")]
    [InlineData("'a\tb'", "a\tb")]
    [InlineData("\"é 😀 \uFEFF\"", "é 😀 \uFEFF")]
    [InlineData("\"# not a comment\"", "# not a comment")]
    public void StringsKeepTheirTextIncludingTabsAndNonAscii(string text, string expected) => Assert.Equal(expected, StringOf(text));

    [Fact]
    public void BasicStringsDecodeEveryEscape()
    {
        Assert.Equal("\b\t\n\f\r\"\\é😀\0\U0010FFFF end", StringOf("\"\\b\\t\\n\\f\\r\\\"\\\\\\u00E9\\U0001F600\\u0000\\U0010ffff end\""));
        Assert.Equal("C:\\Users\\x", StringOf("\"C:\\\\Users\\\\x\""));
    }

    [Theory]
    [InlineData("\"\\x41\"", 6, "\\x is not an escape sequence; " + Escapes)]
    [InlineData("\"\\e\"", 6, "\\e is not an escape sequence; " + Escapes)]
    [InlineData("\"\\B\"", 6, "\\B is not an escape sequence; " + Escapes)]
    [InlineData("\"a\\ b\"", 7, "a backslash followed by a space is not an escape sequence; " + Escapes)]
    [InlineData("\"\\", 6, "a backslash followed by the end of the file is not an escape sequence; " + Escapes)]
    [InlineData("\"\\u12\"", 10, "expected 4 hexadecimal digits after \\u, found '\"'")]
    [InlineData("\"\\uZZZZ\"", 8, "expected 4 hexadecimal digits after \\u, found 'Z'")]
    [InlineData("\"\\U0001F60\"", 15, "expected 8 hexadecimal digits after \\U, found '\"'")]
    [InlineData("\"\\uD800\"", 6, "\\uD800 is not a Unicode scalar value (surrogates and values above 10FFFF are not)")]
    [InlineData("\"\\uDFFF\"", 6, "\\uDFFF is not a Unicode scalar value (surrogates and values above 10FFFF are not)")]
    [InlineData("\"\\U00110000\"", 6, "\\U00110000 is not a Unicode scalar value (surrogates and values above 10FFFF are not)")]
    [InlineData("\"\\UFFFFFFFF\"", 6, "\\UFFFFFFFF is not a Unicode scalar value (surrogates and values above 10FFFF are not)")]
    public void InvalidEscapesAreRejectedAtTheBackslash(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Theory]
    [InlineData("\"a\nb\"", 7, "a basic string must end with '\"' on the line it starts, found a newline")]
    [InlineData("\"a\r\nb\"", 7, "a basic string must end with '\"' on the line it starts, found a carriage return")]
    [InlineData("\"ab", 8, "a basic string must end with '\"' on the line it starts, found the end of the file")]
    [InlineData("'a\nb'", 7, "a literal string must end with \"'\" on the line it starts, found a newline")]
    [InlineData("'ab", 8, "a literal string must end with \"'\" on the line it starts, found the end of the file")]
    [InlineData("\"a\0\"", 7, "control character U+0000 must be escaped in a string")]
    [InlineData("\"a\x1F\"", 7, "control character U+001F must be escaped in a string")]
    [InlineData("\"a\x7F\"", 7, "control character U+007F must be escaped in a string")]
    [InlineData("'a\b'", 7, "control character U+0008 must be escaped in a string")]
    [InlineData("'a\x7F'", 7, "control character U+007F must be escaped in a string")]
    [InlineData("'a'b'", 8, "expected a newline or the end of the file after a key/value pair, found 'b'")]
    public void SingleLineStringsRejectNewlinesControlCharactersAndAMissingEnd(string text, int column, string reason) =>
        Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void AMultiLineBasicStringTrimsTheFirstNewlineAndKeepsTheOthersAsWritten()
    {
        Assert.Equal("Roses are red\nViolets are blue", StringOf("\"\"\"\nRoses are red\nViolets are blue\"\"\""));
        Assert.Equal("Roses\r\nViolets\r\n", StringOf("\"\"\"\r\nRoses\r\nViolets\r\n\"\"\""));
        Assert.Equal("\n", StringOf("\"\"\"\n\n\"\"\""));
        Assert.Equal(" a\\tb \t", StringOf("\"\"\" a\\\\tb \t\"\"\""));
    }

    [Fact]
    public void ALineEndingBackslashRemovesTheNewlineAndAllWhitespaceAfterIt()
    {
        const string Text = "\"\"\"\\\n    The quick \\\n    brown \\   \n  \t\n\n    fox \\\r\n  jumps.\\\n\"\"\"";
        Assert.Equal("The quick brown fox jumps.", StringOf(Text));
        Fails("v = \"\"\"a\\ b\"\"\"", 1, 9, "a backslash followed by a space is not an escape sequence; " + Escapes);
        Fails("v = \"\"\"a\\ \rb\"\"\"", 1, 11, "a carriage return must be followed by a line feed");
    }

    [Theory]
    [InlineData("\"\"\"a\"\"\"\"", "a\"")]
    [InlineData("\"\"\"a\"\"\"\"\"", "a\"\"")]
    [InlineData("\"\"\"\"\"a\"\"\"\"\"", "\"\"a\"\"")]
    [InlineData("\"\"\"a \"\" b \" c\"\"\"", "a \"\" b \" c")]
    [InlineData("\"\"\" \\\"\\\"\\\" \"\"\"", " \"\"\" ")]
    [InlineData("\"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"", "\"This,\" she said, \"is just a pointless statement.\"")]
    [InlineData("'''a''''", "a'")]
    [InlineData("'''a'''''", "a''")]
    [InlineData("''''That,' she said, 'is still pointless.''''", "'That,' she said, 'is still pointless.'")]
    public void UpToTwoQuotesMayStandNextToTheClosingDelimiter(string text, string expected) => Assert.Equal(expected, StringOf(text));

    [Theory]
    [InlineData("\"\"\"a\"\"\"\"\"\"", 9, "a multi-line basic string can not contain three quotes in a row unless one is escaped (\\\")")]
    [InlineData("'''a''''''", 9, "a multi-line literal string can not contain three single quotes in a row")]
    [InlineData("\"\"\"a\"\"\" b", 13, "expected a newline or the end of the file after a key/value pair, found 'b'")]
    [InlineData("\"\"\"abc", 11, "a multi-line basic string must end with '\"\"\"', found the end of the file")]
    [InlineData("\"\"\"abc\"\"", 13, "a multi-line basic string must end with '\"\"\"', found the end of the file")]
    [InlineData("'''abc", 11, "a multi-line literal string must end with \"'''\", found the end of the file")]
    [InlineData("\"\"\"\\q\"\"\"", 8, "\\q is not an escape sequence; " + Escapes)]
    [InlineData("\"\"\"\\u00\"\"\"", 12, "expected 4 hexadecimal digits after \\u, found '\"'")]
    [InlineData("\"\"\"a\0\"\"\"", 9, "control character U+0000 must be escaped in a string")]
    [InlineData("\"\"\"a\x7F\"\"\"", 9, "control character U+007F must be escaped in a string")]
    [InlineData("'''a\x1B'''", 9, "control character U+001B must be escaped in a string")]
    [InlineData("\"\"\"a\rb\"\"\"", 9, "a carriage return must be followed by a line feed")]
    [InlineData("'''a\rb'''", 9, "a carriage return must be followed by a line feed")]
    [InlineData("\"\"\"\r\"\"\"", 8, "a carriage return must be followed by a line feed")]
    public void MalformedMultiLineStringsAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void LiteralStringsHaveNoEscapes()
    {
        Assert.Equal("C:\\Users\\nodejs\\templates", StringOf("'C:\\Users\\nodejs\\templates'"));
        Assert.Equal("<\\i\\c*\\s*>", StringOf("'<\\i\\c*\\s*>'"));
        Assert.Equal("Tom \"Dubs\" Preston-Werner", StringOf("'Tom \"Dubs\" Preston-Werner'"));
    }

    [Fact]
    public void AMultiLineLiteralStringKeepsEverythingAfterTheFirstNewline()
    {
        const string Text = "'''\nThe first newline is\ntrimmed in raw strings.\n   All other \\ whitespace\r\n   is preserved.\n'''";
        Assert.Equal("The first newline is\ntrimmed in raw strings.\n   All other \\ whitespace\r\n   is preserved.\n", StringOf(Text));
        Assert.Equal("I [dw]on't need \\d{2} apples", StringOf("'''I [dw]on't need \\d{2} apples'''"));
    }

    [Fact]
    public void AStringSpanningLinesReportsLaterPositionsOnTheRightLine()
    {
        Parses("a = \"\"\"\none\ntwo\"\"\" # c\nb = '''\n'''\nc = 1",
            """{a="one\ntwo"@1:5, b=""@4:5, c=1@6:5}@1:1""");
        Fails("a = \"\"\"\none\n  two\\x\"\"\"", 3, 6, "\\x is not an escape sequence; " + Escapes);
    }
}
