using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Bare, quoted and dotted keys, and the key/value pair around them.</summary>
public sealed class KeyTests
{
    [Fact]
    public void BareKeysAreAsciiLettersDigitsDashesAndUnderscoresInAnyOrder()
    {
        Parses("A-z_09 = 1\n1234 = 2\ntrue = 3\n- = 4\n_ = 5\ninf=6",
            "{A-z_09=1@1:10, 1234=2@2:8, true=3@3:8, -=4@4:5, _=5@5:5, inf=6@6:5}@1:1");
    }

    [Fact]
    public void QuotedKeysDecodeLikeStringsAndMayBeEmpty()
    {
        Parses("\"a.b\" = 1\n'c d' = 2\n\"\" = 3\n\"\\u00e9\\t\" = 4\n'\\n' = 5",
            """{"a.b"=1@1:9, "c d"=2@2:9, ""=3@3:6, "é\t"=4@4:14, "\\n"=5@5:8}@1:1""");
    }

    [Fact]
    public void DottedKeysCreateTablesAndAllowWhitespaceAroundTheDots()
    {
        Parses("a . b.  c = 1\na.d = 2\n\"x y\".'z'.\tw = 3\n3.14159 = 'pi'",
            """{a={b={c=1@1:13}@1:5, d=2@2:7}@1:1, "x y"={z={w=3@3:16}@3:7}@3:1, 3={14159="pi"@4:11}@4:1}@1:1""");
    }

    [Fact]
    public void TheEqualsSignNeedsNoWhitespace() => Parses("a=1\n\"b\"=2\nc\t=\t3", "{a=1@1:3, b=2@2:5, c=3@3:5}@1:1");

    [Fact]
    public void KeysAreCaseSensitive() => Parses("key = 1\nKey = 2\nKEY = 3", "{key=1@1:7, Key=2@2:7, KEY=3@3:7}@1:1");

    [Fact]
    public void ABareKeyAndAQuotedKeyWithTheSameTextAreOneKey()
    {
        Fails("spelling = \"favorite\"\n\"spelling\" = \"favourite\"", 2, 1, "key `spelling` is already defined at line 1, column 12");
        Fails("a.'b' = 1\n\"a\".b = 2", 2, 5, "key `a.b` is already defined at line 1, column 9");
        Fails("\"a.b\" = 1\n'a.b' = 2", 2, 1, "key `\"a.b\"` is already defined at line 1, column 9");
    }

    [Fact]
    public void DefiningAKeyTwiceIsRejected()
    {
        Fails("[a]\nb = 1\nb = 2", 3, 1, "key `b` is already defined at line 2, column 5");
        Fails("a.b = 1\na = 2", 2, 1, "key `a` is already defined at line 1, column 1");
    }

    [Fact]
    public void ADottedKeyCanNotGoThroughAValueThatIsNotATable()
    {
        Fails("a = 1\na.b = 2", 2, 1, "`a` is already defined as an integer at line 1, column 5, not as a table");
        Fails("a.b = 1\na.b.c = 2", 2, 3, "`a.b` is already defined as an integer at line 1, column 7, not as a table");
        Fails("a = [1]\na.b = 2", 2, 1, "`a` is already defined as an array at line 1, column 5, not as a table");
    }

    [Theory]
    [InlineData("= 1", 1, 1, "expected a key, found '='")]
    [InlineData("a b = 1", 1, 3, "expected '.' or '=' after a key, found 'b'")]
    [InlineData("é = 1", 1, 1, "expected a key, found 'é' (U+00E9)")]
    [InlineData("aé = 1", 1, 2, "expected '.' or '=' after a key, found 'é' (U+00E9)")]
    [InlineData("a@b = 1", 1, 2, "expected '.' or '=' after a key, found '@'")]
    [InlineData("\"\"\"a\"\"\" = 1", 1, 1, "a key can not be a multi-line string")]
    [InlineData("'''a''' = 1", 1, 1, "a key can not be a multi-line string")]
    [InlineData("a", 1, 2, "expected '.' or '=' after a key, found the end of the file")]
    [InlineData("a\n= 1", 1, 2, "expected '.' or '=' after a key, found a newline")]
    [InlineData("a =", 1, 4, "expected a value, found the end of the file")]
    [InlineData("a = # no value", 1, 5, "expected a value, found '#'")]
    [InlineData("a =\n1", 1, 4, "expected a value, found a newline")]
    [InlineData("a. = 1", 1, 4, "expected a key, found '='")]
    [InlineData(".a = 1", 1, 1, "expected a key, found '.'")]
    [InlineData("a..b = 1", 1, 3, "expected a key, found '.'")]
    [InlineData("a.\nb = 1", 1, 3, "expected a key, found a newline")]
    [InlineData("a = = 1", 1, 5, "expected a value, found '='")]
    [InlineData("a == 1", 1, 4, "expected a value, found '='")]
    [InlineData("\"a\nb\" = 1", 1, 3, "a basic string must end with '\"' on the line it starts, found a newline")]
    [InlineData("\"a = 1", 1, 7, "a basic string must end with '\"' on the line it starts, found the end of the file")]
    [InlineData("'a = 1", 1, 7, "a literal string must end with \"'\" on the line it starts, found the end of the file")]
    [InlineData("\"a\"b = 1", 1, 4, "expected '.' or '=' after a key, found 'b'")]
    public void MalformedKeysAndPairsAreRejected(string document, int line, int column, string reason) =>
        Fails(document, line, column, reason);
}
