using System.Text;
using SkydFast.Shell;

namespace SkydFast.Client.Tests.Shell;

/// <summary>The shell's tokenizer and reply formatter on their own.</summary>
public sealed class ShellUnitTests
{
    private static readonly string[] SpecErrorStrings =
    [
        "Unknown action", "err-snapshot-busy", "err-snapshot-disabled", "duplicate-snapshot", "err-invalid-snapshot-name",
        "err-access-after-termsig", "default-container-unset", "container-not-found", "still-in-use", "err-protected-object",
        "wrong-model", "err-already-exists", "not-ready", "transactional-failure", "unknown-ddl-query", "malformed-expression",
        "unknown-model", "too-many-args", "container-name-too-long", "bad-container-name", "unknown-inspect-query",
        "unknown-property", "keyspace-not-empty", "bad-type-for-key", "bad-list-index", "list-is-empty", "unknown-metric",
        "err-auth-already-claimed", "err-auth-disabled", "err-auth-illegal-username", "err-auth-deluser-fail",
    ];

    [Theory]
    [InlineData("SET a b", new[] { "SET", "a", "b" })]
    [InlineData("  SET \t  \"a b\"   'c d'  ", new[] { "SET", "a b", "c d" })]
    [InlineData("\"\" ''", new[] { "", "" })]
    [InlineData("a\"b c\"d", new[] { "ab cd" })]
    [InlineData("a\\ b", new[] { "a b" })]
    [InlineData("'it\\'s' 'a\\nb' 'back\\\\slash'", new[] { "it's", "a\\nb", "back\\slash" })]
    [InlineData("\"say \\\"hi\\\"\" \"it's\"", new[] { "say \"hi\"", "it's" })]
    [InlineData("\"\\n\\r\\t\\\\\"", new[] { "\n\r\t\\" })]
    [InlineData("ünï ✓", new[] { "ünï", "✓" })]
    [InlineData("", new string[0])]
    public void LinesSplitLikeAShell(string line, string[] expected)
    {
        var args = QueryTokenizer.Tokenize(line, out var error);
        Assert.Null(error);
        Assert.Equal(expected, args!.Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void HexAndNulEscapesAreRawBytes()
    {
        var args = QueryTokenizer.Tokenize("\"\\x00\\xff\\0\\x41\"", out _);
        Assert.Equal(new byte[] { 0, 0xff, 0, 0x41 }, Assert.Single(args!));
    }

    [Theory]
    [InlineData("GET \"open", "unterminated double quote")]
    [InlineData("GET 'open", "unterminated single quote")]
    [InlineData("GET end\\", "a backslash at the end of the line")]
    [InlineData("GET \\q", "unknown escape \\q")]
    [InlineData("GET \\x4", "\\x needs two hex digits")]
    [InlineData("GET \\xzz", "\\x needs two hex digits")]
    public void SyntaxErrorsSayWhatIsWrong(string line, string message)
    {
        Assert.Null(QueryTokenizer.Tokenize(line, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void EveryResponseCodeHasWords()
    {
        string[] expected =
        [
            "(Okay)", "(Nil)", "(Overwrite)", "(Action Error)", "(Packet Error)", "(Server Error)", "(Other Error)",
            "(Wrong type)", "(Unknown data type)", "(Encoding Error)", "(Bad credentials)", "(Insufficient permissions)",
        ];
        Assert.Equal(expected, Enumerable.Range(0, 12).Select(c => ReplyFormatter.Words((SkyResponseCode)c)));
        Assert.Equal("(Unknown code 99)", ReplyFormatter.Words((SkyResponseCode)99));
    }

    [Fact]
    public void EveryErrorStringOfTheSpecHasWords()
    {
        Assert.All(SpecErrorStrings, e => Assert.DoesNotContain("Error:", ReplyFormatter.Words(e), StringComparison.Ordinal));
        Assert.Equal(SpecErrorStrings.Length, SpecErrorStrings.Select(ReplyFormatter.Words).Distinct().Count());
        Assert.Equal("(Wrong model)", ReplyFormatter.Words("wrong-model"));
        Assert.Equal("(No table selected)", ReplyFormatter.Words("default-container-unset"));
        Assert.Equal("(Error: brand-new-error)", ReplyFormatter.Words("brand-new-error"));
    }

    [Fact]
    public void ValuesAreQuotedWithEscapes()
    {
        Assert.Equal("\"plain ünï ✓\"", ReplyFormatter.Quote("plain ünï ✓"u8));
        Assert.Equal("\"a\\\"b\\\\c\\nd\\te\\0\\x01\\x7f\"", ReplyFormatter.Quote("a\"b\\c\nd\te\0\x01\x7f"u8));
        Assert.Equal("\"bad \\xff\\xfe utf8\"", ReplyFormatter.Quote([.. "bad "u8, 0xff, 0xfe, .. " utf8"u8]));
        Assert.Equal("b\"\\0\\n\\r\\t\\\\\\\"~\\x80\\xff\"", ReplyFormatter.Binary([0, 10, 13, 9, 92, 34, 126, 0x80, 0xff]));
    }

    [Fact]
    public void ArraysAreNumberedAndNestedOnesIndented()
    {
        var typed = new SkyTypedArray([new SkyValue("a"u8.ToArray(), false), null, new SkyValue([0], true)], isBinary: false, nonNull: false);
        Assert.Equal(["(1) \"a\"", "(2) (null)", "(3) b\"\\0\""], ReplyFormatter.Format(typed));
        Assert.Equal(["(empty array)"], ReplyFormatter.Format(new SkyTypedArray([], isBinary: true, nonNull: true)));

        var nested = new SkyArray(
            [new SkyInteger(7), new SkyArray([new SkyCode(SkyResponseCode.Okay), new SkyErrorString("wrong-model")], flat: true), new SkyFloat(1.5f, "1.5")],
            flat: false);
        Assert.Equal(["(1) 7", "(2) (1) (Okay)", "    (2) (Wrong model)", "(3) 1.5"], ReplyFormatter.Format(nested));
    }
}
