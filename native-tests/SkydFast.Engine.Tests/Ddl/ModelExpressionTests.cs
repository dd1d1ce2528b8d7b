using System.Text;
using SkydFast.Engine.Support;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Ddl;

/// <summary>Every row of model-and-ddl.md §4.3, on the parser and through <c>CREATE TABLE mycooltbl</c>.</summary>
public class ModelExpressionTests
{
    public static TheoryData<string, int> ValidVectors => new()
    {
        { "keymap(binstr,binstr)", 0 },
        { "keymap(binstr,str)", 1 },
        { "keymap(str,str)", 2 },
        { "keymap(str,binstr)", 3 },
        { "keymap(binstr,list<binstr>)", 4 },
        { "keymap(binstr,list<str>)", 5 },
        { "keymap(str,list<binstr>)", 6 },
        { "keymap(str,list<str>)", 7 },
        { "keymap(binstr, binstr)", 0 },
        { "keymap(str, str)", 2 },
        { "keymap( str ,\tlist<str> )", 7 },
        { "keymap(\u00A0str,str\u3000)", 2 },
    };

    public static TheoryData<string, string> ErrorVectors => new()
    {
        { "keymap(wth, str)", "code 8" },
        { "keymap(wth, wth)", "code 8" },
        { "keymap(str, wth)", "code 8" },
        { "keymap(wth1, wth2)", "code 8" },
        { "keymap(STR,STR)", "code 8" },
        { "keymap(str,list<wth>)", "code 8" },
        { "keymap(str,1wth)", "code 8" },
        { "keymap(1wth,str)", "code 8" },
        { "keymap(list<str>x,str)", "code 8" },
        { "wthmap(wth, wth)", "unknown-model" },
        { "wthmap(str, str)", "unknown-model" },
        { "wthmap()", "unknown-model" },
        { "Keymap(str,str)", "unknown-model" },
        { " keymap(str,str)", "unknown-model" },
        { "keymap(", "malformed-expression" },
        { "keymap(,", "malformed-expression" },
        { "keymap(,,", "malformed-expression" },
        { "keymap),", "malformed-expression" },
        { "keymap),,", "malformed-expression" },
        { "keymap),,)", "malformed-expression" },
        { "keymap(,)", "malformed-expression" },
        { "keymap(,,)", "malformed-expression" },
        { "keymap,", "malformed-expression" },
        { "keymap,,", "malformed-expression" },
        { "keymap,,)", "malformed-expression" },
        { "keymap(str,", "malformed-expression" },
        { "keymap(str,str", "malformed-expression" },
        { "keymap(str,str,", "malformed-expression" },
        { "keymap(str,str,)", "malformed-expression" },
        { "keymap(str,str,),", "malformed-expression" },
        { "keymap()", "malformed-expression" },
        { "keymap((str,str)", "malformed-expression" },
        { "(str,str)", "malformed-expression" },
        { "keymap(1a,2b)", "malformed-expression" },
        { "keymap(list<s>,list<t>)", "malformed-expression" },
        { "keymap(str, str, str)", "too-many-args" },
        { "keymap(wth, wth, wth)", "too-many-args" },
        { "keymap(str)", "too-many-args" },
        { "keymap(1a)", "too-many-args" },
        { "keymap(list<str>, str)", "bad-type-for-key" },
        { "keymap(list<binstr>, binstr)", "bad-type-for-key" },
        { "keymap(list<str>, binstr)", "bad-type-for-key" },
        { "keymap(list<binstr>, str)", "bad-type-for-key" },
        { "keymap(list<str>, wth)", "bad-type-for-key" },
    };

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void ValidExpressionsGiveTheirModelCode(string expr, int code)
    {
        Assert.Equal(ModelParseResult.Okay, ModelExpression.Parse(Encoding.UTF8.GetBytes(expr), out var model));
        Assert.Equal((TableModel)code, model);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void CreateTableWithAValidExpressionCreatesThatModel(string expr, int code)
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "mycooltbl", expr));
        var description = Encoding.ASCII.GetString(Actions.Ddl.TableDescription.Of((TableModel)code, isVolatile: false));
        Assert.Equal(Replies.Str(description), h.Q("INSPECT", "TABLE", "mycooltbl"));
    }

    [Theory]
    [MemberData(nameof(ErrorVectors))]
    public void InvalidExpressionsAnswerTheirError(string expr, string expected)
    {
        using var h = new EngineHarness();
        var response = h.Q("CREATE", "TABLE", "mycooltbl", expr);
        Assert.Equal(expected == "code 8" ? Replies.UnknownDataType : Replies.Error(expected), response);
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "TABLE", "mycooltbl"));
    }

    [Fact]
    public void TypeParameterAllowsOneTrailingNonSpaceCharacter()
    {
        // list<str!> is syntactically a type (the regex's optional [^>\s]), so this is code 8, not malformed.
        Assert.Equal(ModelParseResult.UnknownDataType, ModelExpression.Parse("keymap(x!,list<str!>)"u8, out _));
        Assert.Equal(ModelParseResult.Malformed, ModelExpression.Parse("keymap(x!,list<str >)"u8, out _));
        Assert.Equal(ModelParseResult.Malformed, ModelExpression.Parse("keymap(x!,list<st>>)"u8, out _));
        Assert.Equal(ModelParseResult.UnknownDataType, ModelExpression.Parse("keymap(x!,list<stré>)"u8, out _));
        Assert.Equal(ModelParseResult.Malformed, ModelExpression.Parse("keymap(x!,list<s!>)"u8, out _));
    }
}
