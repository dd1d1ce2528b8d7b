using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Table headers, arrays of tables, and the rules on defining a table once.</summary>
public sealed class TableTests
{
    [Fact]
    public void HeadersOpenTablesThatCollectTheFollowingPairs()
    {
        const string Document = """
            [table-1]
            key1 = "some string"
            key2 = 123

            [table-2]
            key1 = "another string"
            key2 = 456
            [ dog . "tater.man" ]
            type.name = "pug"
            ['' . ""]
            x = 1
            [	a	]
            """;
        Parses(Document,
            "{table-1={key1=\"some string\"@2:8, key2=123@3:8}@1:1, "
            + "table-2={key1=\"another string\"@6:8, key2=456@7:8}@5:1, "
            + "dog={\"tater.man\"={type={name=\"pug\"@9:13}@9:1}@8:1}@8:1, "
            + "\"\"={\"\"={x=1@11:5}@10:1}@10:1, a={}@12:1}@1:1");
    }

    [Fact]
    public void ASuperTableMayBeDefinedAfterItsSubTablesAndTakesItsHeadersPosition()
    {
        Parses("[x.y.z.w]\na = 1\n[x]\nb = 2", "{x={y={z={w={a=1@2:5}@1:1}@1:1}@1:1, b=2@4:5}@3:1}@1:1");
        Parses("[[a.b]]\nx = 1\n[a]\ny = 2", "{a={b=[[{x=1@2:5}@1:1]]@1:1, y=2@4:5}@3:1}@1:1");
    }

    [Fact]
    public void DottedKeysInASuperTableMayDefineATableThatOnlyAHeaderPathNamed()
    {
        Parses("[a.b.c]\nz = 9\n[a]\nb.d = 1\nb.e = 2", "{a={b={c={z=9@2:5}@1:1, d=1@4:7, e=2@5:7}@4:1}@3:1}@1:1");
        Fails("[a.b.c]\nz = 9\n[a]\nb.d = 1\n[a.b]", 5, 4, "table `a.b` is already defined by dotted keys at line 4, column 1");
    }

    [Fact]
    public void HeadersMayAddSubTablesAndArraysOfTablesToTablesThatDottedKeysDefined()
    {
        const string Document = """
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]
            smooth = true

            [[fruit.apple.seeds]]
            size = 2
            """;
        Parses(Document,
            "{fruit={apple={color=\"red\"@2:15, taste={sweet=true@3:21}@3:7, texture={smooth=true@6:10}@5:1, "
            + "seeds=[[{size=2@9:8}@8:1]]@8:1}@2:1}@1:1}@1:1");
    }

    [Fact]
    public void ArraysOfTablesAppendATableForEachHeader()
    {
        const string Document = """
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            sku = 284758393

            color = "gray"
            """;
        Parses(Document,
            "{products=[[{name=\"Hammer\"@2:8, sku=738594937@3:7}@1:1, {}@5:1, "
            + "{name=\"Nail\"@8:8, sku=284758393@9:7, color=\"gray\"@11:9}@7:1]]@1:1}@1:1");
    }

    [Fact]
    public void SubTablesAndNestedArraysOfTablesBelongToTheLastElement()
    {
        const string Document = """
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"


            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """;
        Parses(Document,
            "{fruits=[[{name=\"apple\"@2:8, physical={color=\"red\"@5:9, shape=\"round\"@6:9}@4:1, "
            + "varieties=[[{name=\"red delicious\"@9:8}@8:1, {name=\"granny smith\"@12:8}@11:1]]@8:1}@1:1, "
            + "{name=\"banana\"@16:8, varieties=[[{name=\"plantain\"@19:8}@18:1]]@18:1}@15:1]]@1:1}@1:1");
    }

    [Fact]
    public void EachArrayElementIsAFreshTableForHeadersAndDottedKeys()
    {
        Parses("[[a]]\nx.y = 1\n[a.b]\nc = 1\n[a.x.z]\n[[a]]\n[a.b]\nc = 2\nx.y = 3",
            "{a=[[{x={y=1@2:7, z={}@5:1}@2:1, b={c=1@4:5}@3:1}@1:1, {b={c=2@8:5, x={y=3@9:7}@9:1}@7:1}@6:1]]@1:1}@1:1");
    }

    [Fact]
    public void HeadersAllowWhitespaceAndQuotedKeys()
    {
        Parses("[ a . 'b c' . \"d\\te\" ]\n[[\tf . g\t]]\n[a.\"b c\".'d\te'.h]",
            "{a={\"b c\"={\"d\\te\"={h={}@3:1}@1:1}@1:1}@1:1, f={g=[[{}@2:1]]@2:1}@2:1}@1:1");
    }

    [Theory]
    [InlineData("[a]\nb = 1\n[a]", 3, 2, "table `a` is already defined at line 1, column 1")]
    [InlineData("[a.b]\n[a]\n[a]", 3, 2, "table `a` is already defined at line 2, column 1")]
    [InlineData("[a]\n[a.b]\n[a.b]", 3, 4, "table `a.b` is already defined at line 2, column 1")]
    [InlineData("[a]\n[\"a\"]", 2, 2, "table `a` is already defined at line 1, column 1")]
    [InlineData("[\"a.b\"]\n['a.b']", 2, 2, "table `\"a.b\"` is already defined at line 1, column 1")]
    [InlineData("a.b = 1\n[a]", 2, 2, "table `a` is already defined by dotted keys at line 1, column 1")]
    [InlineData("[fruit]\napple.color = \"red\"\n[fruit.apple]", 3, 8, "table `fruit.apple` is already defined by dotted keys at line 2, column 1")]
    [InlineData("[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]", 3, 14, "table `fruit.apple.taste` is already defined by dotted keys at line 2, column 7")]
    [InlineData("[t1]\nt2.t3.v = 0\n[t1.t2]", 3, 5, "table `t1.t2` is already defined by dotted keys at line 2, column 1")]
    [InlineData("[a]\nb = 1\n[a.b]", 3, 4, "key `a.b` is already defined as an integer at line 2, column 5")]
    [InlineData("a = 1\n[a]", 2, 2, "key `a` is already defined as an integer at line 1, column 5")]
    [InlineData("a = 1\n[a.b.c.d]", 2, 2, "`a` is already defined as an integer at line 1, column 5, not as a table")]
    [InlineData("[parent.arr]\n[parent]\nnot-arr = 1\narr = 2", 4, 1, "key `arr` is already defined at line 1, column 1")]
    [InlineData("[a.b.c]\n[a]\nb = 1", 3, 1, "key `b` is already defined at line 1, column 1")]
    public void ATableIsDefinedOnlyOnce(string document, int line, int column, string reason) => Fails(document, line, column, reason);

    [Theory]
    [InlineData("[a.b.c]\nz = 9\n[a]\nb.c.t = 9", 4, 3, "table `b.c` is defined by the header at line 1, column 1; dotted keys outside it can not add to it")]
    [InlineData("[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 8", 4, 5, "table `b.c.d` is defined by the header at line 1, column 1; dotted keys outside it can not add to it")]
    [InlineData("[a.b]\n[a]\nb.c = 1", 3, 1, "table `b` is defined by the header at line 1, column 1; dotted keys outside it can not add to it")]
    [InlineData("[[a.b]]\n[a]\nb.y = 2", 3, 1, "`b` is an array of tables (at line 1, column 1); dotted keys can not add to it")]
    [InlineData("[[tab.arr]]\n[tab]\narr.val1 = 1", 3, 1, "`arr` is an array of tables (at line 1, column 1); dotted keys can not add to it")]
    public void DottedKeysCanNotAddToTablesDefinedElsewhere(string document, int line, int column, string reason) =>
        Fails(document, line, column, reason);

    [Theory]
    [InlineData("[[a]]\n[a]", 2, 2, "`a` is already an array of tables (at line 1, column 1); add to it with [[a]]")]
    [InlineData("[[fruit]]\n[[fruit.variety]]\n[fruit.variety]", 3, 8, "`fruit.variety` is already an array of tables (at line 2, column 1); add to it with [[fruit.variety]]")]
    [InlineData("[a]\n[[a]]", 2, 3, "`a` is already defined as a table at line 1, column 1, not as an array of tables")]
    [InlineData("[[albums.songs]]\nname = \"x\"\n[[albums]]", 3, 3, "`albums` is already defined as a table at line 1, column 1, not as an array of tables")]
    [InlineData("[fruit]\napple.color = \"red\"\n[[fruit.apple]]", 3, 9, "`fruit.apple` is already defined as a table at line 2, column 1, not as an array of tables")]
    [InlineData("a = true\n[[a]]", 2, 3, "key `a` is already defined as a boolean at line 1, column 5")]
    [InlineData("a = 1\n[[a.b]]", 2, 3, "`a` is already defined as an integer at line 1, column 5, not as a table")]
    public void ArraysOfTablesAndTablesDoNotMix(string document, int line, int column, string reason) => Fails(document, line, column, reason);

    [Theory]
    [InlineData("[]", 1, 2, "expected a key, found ']'")]
    [InlineData("[[]]", 1, 3, "expected a key, found ']'")]
    [InlineData("[a.]", 1, 4, "expected a key, found ']'")]
    [InlineData("[.a]", 1, 2, "expected a key, found '.'")]
    [InlineData("[a..b]", 1, 4, "expected a key, found '.'")]
    [InlineData("[a b]", 1, 4, "expected '.' or ']' after a key in a table header, found 'b'")]
    [InlineData("[a = 1]", 1, 4, "expected '.' or ']' after a key in a table header, found '='")]
    [InlineData("[a", 1, 3, "expected '.' or ']' after a key in a table header, found the end of the file")]
    [InlineData("[a\n]", 1, 3, "expected '.' or ']' after a key in a table header, found a newline")]
    [InlineData("[[a", 1, 4, "expected '.' or ']]' after a key in a table header, found the end of the file")]
    [InlineData("[[a]", 1, 5, "expected ']]' to close an array of tables header, found the end of the file")]
    [InlineData("[[a] ]", 1, 5, "expected ']]' to close an array of tables header, found a space")]
    [InlineData("[ [a] ]", 1, 3, "expected a key, found '['")]
    [InlineData("[a]]", 1, 4, "expected a newline or the end of the file after a table header, found ']'")]
    [InlineData("[[a]]]", 1, 6, "expected a newline or the end of the file after a table header, found ']'")]
    [InlineData("[a] b = 1", 1, 5, "expected a newline or the end of the file after a table header, found 'b'")]
    [InlineData("[a.'''b''']", 1, 4, "a key can not be a multi-line string")]
    [InlineData("[naughty..naughty]", 1, 10, "expected a key, found '.'")]
    [InlineData("[a]\n\n  [b c]", 3, 6, "expected '.' or ']' after a key in a table header, found 'c'")]
    public void MalformedHeadersAreRejected(string document, int line, int column, string reason) => Fails(document, line, column, reason);

    [Fact]
    public void AHeaderMayHaveACommentAndNoNewlineAtTheEnd() => Parses("[a] # comment\n[b]", "{a={}@1:1, b={}@2:1}@1:1");
}
