using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Array values and inline tables.</summary>
public sealed class ArrayAndInlineTableTests
{
    [Fact]
    public void ArraysHoldAnyMixOfTypesAndNest()
    {
        const string Document = """"
            integers = [ 1, 2, 3 ]
            colors = [ "red", 'yellow', """green""" ]
            nested = [ [ 1, 2 ], ["a", 'b'] ]
            mixed = [ 0.1, 2, "x", true, 1979-05-27, [], {}, { a = 1 } ]
            """";
        Parses(Document,
            "{integers=[1@1:14, 2@1:17, 3@1:20]@1:12, "
            + "colors=[\"red\"@2:12, \"yellow\"@2:19, \"green\"@2:29]@2:10, "
            + "nested=[[1@3:14, 2@3:17]@3:12, [\"a\"@3:23, \"b\"@3:28]@3:22]@3:10, "
            + "mixed=[float(0.1)@4:11, 2@4:16, \"x\"@4:19, true@4:24, ld(1979-05-27)@4:30, []@4:42, {}@4:46, {a=1@4:56}@4:50]@4:9}@1:1");
    }

    [Fact]
    public void ArraysMaySpanLinesWithCommentsAndATrailingComma()
    {
        const string Document = """
            multi = [
              1,
              2, # comment
            ]
            empty = [ ]
            commas = [ 1
              ,2
              , ]
            blank = [

              # only comments

            ]
            """;
        Parses(Document, "{multi=[1@2:3, 2@3:3]@1:9, empty=[]@5:9, commas=[1@6:12, 2@7:4]@6:10, blank=[]@9:9}@1:1");
    }

    [Theory]
    [InlineData("[1,,2]", 8, "expected a value, found ','")]
    [InlineData("[,]", 6, "expected a value, found ','")]
    [InlineData("[1 2]", 8, "expected ',' or ']' after an array element, found '2'")]
    [InlineData("[1, 2", 10, "expected ',' or ']' after an array element, found the end of the file")]
    [InlineData("[1,", 8, "expected a value, found the end of the file")]
    [InlineData("[", 6, "expected a value, found the end of the file")]
    [InlineData("[1]]", 8, "expected a newline or the end of the file after a key/value pair, found ']'")]
    [InlineData("[1 # c ]", 13, "expected ',' or ']' after an array element, found the end of the file")]
    [InlineData("[ # \x01\n]", 9, "control character U+0001 is not allowed in a comment")]
    [InlineData("[a]", 6, "invalid value `a`: strings must be quoted")]
    public void MalformedArraysAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void InlineTablesHoldKeysValuesAndDottedKeysOnOneLine()
    {
        const string Document = """
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.age = 3 }
            nested = { a = { b = { c = [1, {d = 2}] } } }
            empty = {}
            spans = { list = [
              1,
              2 ], after = true }
            """;
        Parses(Document,
            "{name={first=\"Tom\"@1:18, last=\"Preston-Werner\"@1:32}@1:8, "
            + "point={x=1@2:12, y=2@2:16}@2:9, "
            + "animal={type={name=\"pug\"@3:24, age=3@3:42}@3:12}@3:10, "
            + "nested={a={b={c=[1@4:29, {d=2@4:37}@4:32]@4:28}@4:22}@4:16}@4:10, "
            + "empty={}@5:9, "
            + "spans={list=[1@7:3, 2@8:3]@6:18, after=true@8:16}@6:9}@1:1");
    }

    [Theory]
    [InlineData("{ a = 1, }", 14, "a trailing comma is not allowed in an inline table")]
    [InlineData("{ a = 1,\n b = 2 }", 13, "an inline table must be on one line (a newline may only appear inside a value in it)")]
    [InlineData("{\n}", 6, "an inline table must be on one line (a newline may only appear inside a value in it)")]
    [InlineData("{ a = 1\n}", 12, "an inline table must be on one line (a newline may only appear inside a value in it)")]
    [InlineData("{ a = 1 # c\n}", 13, "expected ',' or '}' after a key/value pair in an inline table, found '#'")]
    [InlineData("{ a = 1 b = 2 }", 13, "expected ',' or '}' after a key/value pair in an inline table, found 'b'")]
    [InlineData("{ a = 1,, b = 2 }", 13, "expected a key, found ','")]
    [InlineData("{ , }", 7, "expected a key, found ','")]
    [InlineData("{ a = 1", 12, "expected ',' or '}' after a key/value pair in an inline table, found the end of the file")]
    [InlineData("{ a }", 9, "expected '.' or '=' after a key, found '}'")]
    [InlineData("{ a = }", 11, "expected a value, found '}'")]
    [InlineData("{ a = 1, a = 2 }", 14, "key `a` is already defined at line 1, column 11")]
    [InlineData("{ a = 1, a.b = 2 }", 14, "`a` is already defined as an integer at line 1, column 11, not as a table")]
    [InlineData("{ a.b = 1, a = 2 }", 16, "key `a` is already defined at line 1, column 7")]
    [InlineData("{ a.b = 1, a.b.c = 2 }", 18, "`a.b` is already defined as an integer at line 1, column 13, not as a table")]
    [InlineData("{ a = { b = 1 }, a.c = 2 }", 22, "inline table `a` (at line 1, column 11) can not be extended")]
    [InlineData("{ a = { b.c = 1 }, a.b.d = 2 }", 24, "inline table `a` (at line 1, column 11) can not be extended")]
    public void MalformedInlineTablesAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void NothingOutsideAnInlineTableMayAddToIt()
    {
        Fails("a = { b = 1 }\n[a]", 2, 2, "table `a` is already defined as an inline table at line 1, column 5");
        Fails("a = { b = 1 }\n[a.c]", 2, 2, "inline table `a` (at line 1, column 5) can not be extended");
        Fails("a = { b = 1 }\na.c = 2", 2, 1, "inline table `a` (at line 1, column 5) can not be extended");
        Fails("a = { b = {} }\n[[a.b]]", 2, 3, "inline table `a` (at line 1, column 5) can not be extended");
        Fails("a = { b.c = 1 }\n[a.b.d]", 2, 2, "inline table `a` (at line 1, column 5) can not be extended");
        Fails("a = { b = 1 }\n[[a]]", 2, 3, "`a` is already defined as a table at line 1, column 5, not as an array of tables");
        Fails("[t]\na = {}\n[t.a.b]", 3, 4, "inline table `t.a` (at line 2, column 5) can not be extended");
        Fails("[tab.nested]\ninline-t = { nest = {} }\n[tab]\nnested.inline-t.nest = 2", 4, 1,
            "table `nested` is defined by the header at line 1, column 1; dotted keys outside it can not add to it");
    }

    [Fact]
    public void AnArrayValueCanNotBeExtendedByHeaders()
    {
        Fails("a = []\n[[a]]", 2, 3, "`a` is already defined as an array value at line 1, column 5; [[a]] can only add to an array of tables");
        Fails("a = [{ b = 1 }]\n[a.c]", 2, 2, "`a` is an array value (at line 1, column 5); headers can only add to arrays of tables");
        Fails("a = [{ b = 1 }]\n[[a.c]]", 2, 3, "`a` is an array value (at line 1, column 5); headers can only add to arrays of tables");
        Fails("a = [{ b = 1 }]\na.c = 2", 2, 1, "`a` is already defined as an array at line 1, column 5, not as a table");
    }
}
