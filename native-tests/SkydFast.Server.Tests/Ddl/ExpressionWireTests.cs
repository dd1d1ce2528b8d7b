using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>The entity and model-expression vectors of model-and-ddl.md §3.2 and §4.3, over a real socket.</summary>
public sealed class ExpressionWireTests
{
    [Fact]
    public async Task EntityVectorsAnswerTheirErrorsThroughUse()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        foreach (var input in new[] { "ks:", ":", "::", "::ks", "ks::tbl", "ks::", "ks::tbl::", "::ks::tbl::" })
        {
            await c.ExpectAsync(Error("malformed-expression"), "USE", input);
        }

        foreach (var input in new[] { "$var", "1one", "%whywouldsomeone", new string('a', 65), "PRELOAD", "PARTMAP" })
        {
            await c.ExpectAsync(Error("bad-container-name"), "USE", input);
        }

        await c.ExpectAsync(Okay, "CREATE", "TABLE", new string('a', 64), "keymap(str,str)");
        await c.ExpectAsync(Okay, "USE", "default:" + new string('a', 64));
    }

    [Fact]
    public async Task ModelExpressionVectorsAnswerTheirResults()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        var vectors = new (string Expr, string Expected)[]
        {
            ("keymap(wth, str)", UnknownDataType), ("keymap(wth, wth)", UnknownDataType),
            ("keymap(str, wth)", UnknownDataType), ("keymap(wth1, wth2)", UnknownDataType),
            ("keymap(STR,STR)", UnknownDataType),
            ("wthmap(wth, wth)", Error("unknown-model")), ("wthmap(str, str)", Error("unknown-model")),
            ("wthmap()", Error("unknown-model")),
            ("keymap(str, str, str)", Error("too-many-args")), ("keymap(wth, wth, wth)", Error("too-many-args")),
            ("keymap(list<str>, str)", Error("bad-type-for-key")), ("keymap(list<binstr>, binstr)", Error("bad-type-for-key")),
            ("keymap(list<str>, binstr)", Error("bad-type-for-key")), ("keymap(list<binstr>, str)", Error("bad-type-for-key")),
        };
        foreach (var (expr, expected) in vectors)
        {
            await c.ExpectAsync(expected, "CREATE", "TABLE", "mycooltbl", expr);
        }

        string[] malformed =
        [
            "keymap(", "keymap(,", "keymap(,,", "keymap),", "keymap),,", "keymap),,)", "keymap(,)", "keymap(,,)",
            "keymap,", "keymap,,", "keymap,,)", "keymap(str,", "keymap(str,str", "keymap(str,str,", "keymap(str,str,)",
            "keymap(str,str,),",
        ];
        foreach (var expr in malformed)
        {
            await c.ExpectAsync(Error("malformed-expression"), "CREATE", "TABLE", "mycooltbl", expr);
        }

        await c.ExpectAsync(Okay, "CREATE", "TABLE", "mycooltbl", "keymap(binstr, binstr)");
        await c.ExpectAsync(Okay, "CREATE", "TABLE", "mycooltbl2", "keymap(str, str)");
        await c.ExpectAsync(Str("Keymap { data:(str,str), volatile:false }"), "INSPECT", "TABLE", "mycooltbl2");
    }
}
