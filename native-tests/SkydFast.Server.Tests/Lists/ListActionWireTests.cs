using SkydFast.Store;
using SkydFast.Testing;
using static SkydFast.Server.Tests.Lists.Replies;

namespace SkydFast.Server.Tests.Lists;

/// <summary>LSET, LGET and LMOD over a real socket: every sub-action's success and error bytes.</summary>
public sealed class ListActionWireTests
{
    private static readonly byte[] Bad = [0xFF];

    private static byte[] B(string s) => RawClient.Latin1(s);

    [Fact]
    public async Task LsetCreatesListsThatLgetReadsBack()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Ok, ["LSET", "fruits", "apple", "kiwi"]),
            (Ok, ["lset", "none"]),
            (Ovw, ["LsEt", "fruits", "x"]),
            (Aerr, ["LSET"]),
            ("*1\n@+2\n5\napple\n4\nkiwi\n", ["LGET", "fruits"]),
            ("*1\n@+0\n", ["lget", "none"]),
            (Nil, ["LGET", "missing"]),
            (Aerr, ["LGET"]));
    }

    [Fact]
    public async Task BinstrListsAnswerWithTheBinaryTypeSymbol()
    {
        await using var s = await ListServer.StartAsync(TableModel.BinstrListBinstr);
        Assert.Equal(Ok, await s.Q(B("LSET"), Bad, Bad, B("b")));
        Assert.Equal("*1\n@?2\n1\n\u00FF\n1\nb\n", await s.Q(B("LGET"), Bad));
        Assert.Equal("*1\n?1\nb\n", await s.Q(B("LGET"), Bad, B("LAST")));
        Assert.Equal("*1\n?1\nb\n", await s.Q(B("LMOD"), Bad, B("POP")));
        Assert.Equal(Ok, await s.Q("LSET", "e"));
        Assert.Equal("*1\n@?0\n", await s.Q("LGET", "e"));
    }

    [Fact]
    public async Task LgetSubActionsAnswerTheirValues()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Ok, ["LSET", "l", "a", "bb", "ccc"]),
            (Ok, ["LSET", "e"]),
            ("*1\n:1\n3\n", ["LGET", "l", "Len"]),
            ("*1\n:1\n0\n", ["LGET", "e", "LEN"]),
            ("*1\n@+2\n1\na\n2\nbb\n", ["LGET", "l", "limit", "2"]),
            ("*1\n@+3\n1\na\n2\nbb\n3\nccc\n", ["LGET", "l", "LIMIT", "18446744073709551615"]),
            ("*1\n+2\nbb\n", ["LGET", "l", "ValueAt", "1"]),
            ("*1\n+1\na\n", ["LGET", "l", "first"]),
            ("*1\n+3\nccc\n", ["LGET", "l", "LaSt"]),
            ("*1\n@+2\n2\nbb\n3\nccc\n", ["LGET", "l", "range", "1"]),
            ("*1\n@+1\n2\nbb\n", ["LGET", "l", "RANGE", "1", "2", "ignored"]),
            ("*1\n@+0\n", ["LGET", "l", "RANGE", "3"]));
    }

    [Fact]
    public async Task LgetSubActionsAnswerTheirErrorsInSpecOrder()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Ok, ["LSET", "l", "a", "bb", "ccc"]),
            (Ok, ["LSET", "e"]),
            (Aerr, ["LGET", "l", "LEN", "x"]),
            (Nil, ["LGET", "missing", "LEN"]),
            (Aerr, ["LGET", "l", "LIMIT"]),
            (Wt, ["LGET", "missing", "LIMIT", "-1"]),
            (Nil, ["LGET", "missing", "LIMIT", "1"]),
            (Aerr, ["LGET", "l", "VALUEAT", "1", "2"]),
            (Wt, ["LGET", "missing", "VALUEAT", "x"]),
            (BadIndex, ["LGET", "l", "VALUEAT", "3"]),
            (Aerr, ["LGET", "l", "FIRST", "x"]),
            (IsEmpty, ["LGET", "e", "FIRST"]),
            (Aerr, ["LGET", "l", "LAST", "x"]),
            (IsEmpty, ["LGET", "e", "LAST"]),
            (Nil, ["LGET", "missing", "LAST"]),
            (Aerr, ["LGET", "l", "RANGE"]),
            (Wt, ["LGET", "missing", "RANGE", "0", "x"]),
            (BadIndex, ["LGET", "l", "RANGE", "2", "1"]),
            (BadIndex, ["LGET", "l", "RANGE", "0", "4"]),
            (BadIndex, ["LGET", "l", "RANGE", "4"]),
            (Nil, ["LGET", "missing", "RANGE", "4"]),
            (Unknown, ["LGET", "l", "SLICE"]));
        Assert.Equal(Enc, await s.Q(B("LGET"), Bad));
        Assert.Equal(Enc, await s.Q(B("LGET"), Bad, B("len")));
        Assert.Equal(Wt, await s.Q(B("LGET"), Bad, B("VALUEAT"), B("x")));
    }

    [Fact]
    public async Task LmodSubActionsChangeTheList()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Ok, ["LSET", "l"]),
            (Ok, ["LMOD", "l", "push", "a", "b"]),
            (Ok, ["lmod", "l", "PUSH", "c"]),
            (Ok, ["LMOD", "l", "Insert", "1", "x"]),
            ("*1\n@+4\n1\na\n1\nx\n1\nb\n1\nc\n", ["LGET", "l"]),
            (Ok, ["LMOD", "l", "remove", "0"]),
            ("*1\n+1\nc\n", ["LMOD", "l", "pop"]),
            ("*1\n+1\nx\n", ["LMOD", "l", "POP", "0"]),
            ("*1\n@+1\n1\nb\n", ["LGET", "l"]),
            (Ok, ["LMOD", "l", "Clear"]),
            ("*1\n@+0\n", ["LGET", "l"]));
    }

    [Fact]
    public async Task LmodSubActionsAnswerTheirErrorsInSpecOrder()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Ok, ["LSET", "l", "a", "b"]),
            (Ok, ["LSET", "e"]),
            (Aerr, ["LMOD", "l"]),
            (Unknown, ["LMOD", "l", "APPEND", "x"]),
            (Aerr, ["LMOD", "l", "CLEAR", "x"]),
            (Nil, ["LMOD", "missing", "CLEAR"]),
            (Aerr, ["LMOD", "l", "PUSH"]),
            (Nil, ["LMOD", "missing", "PUSH", "x"]),
            (Aerr, ["LMOD", "l", "REMOVE"]),
            (Wt, ["LMOD", "missing", "REMOVE", "-1"]),
            (Nil, ["LMOD", "missing", "REMOVE", "0"]),
            (BadIndex, ["LMOD", "l", "REMOVE", "2"]),
            (Aerr, ["LMOD", "l", "INSERT", "0"]),
            (Wt, ["LMOD", "l", "INSERT", "x", "v"]),
            (Nil, ["LMOD", "missing", "INSERT", "0", "v"]),
            (BadIndex, ["LMOD", "l", "INSERT", "2", "v"]),
            (BadIndex, ["LMOD", "e", "INSERT", "0", "v"]),
            (Aerr, ["LMOD", "l", "POP", "0", "1"]),
            (Wt, ["LMOD", "l", "POP", "+"]),
            (Nil, ["LMOD", "missing", "POP"]),
            (BadIndex, ["LMOD", "e", "POP"]),
            (BadIndex, ["LMOD", "l", "POP", "2"]),
            ("*1\n@+2\n1\na\n1\nb\n", ["LGET", "l"]));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("CLEAR")));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("PUSH"), B("x")));
        Assert.Equal(Enc, await s.Q(B("LMOD"), B("l"), B("PUSH"), B("ok"), Bad));
        Assert.Equal(Nil, await s.Q(B("LMOD"), B("missing"), B("PUSH"), Bad));
        Assert.Equal(Enc, await s.Q(B("LMOD"), B("missing"), B("INSERT"), B("0"), Bad));
        Assert.Equal(Enc, await s.Q(B("LMOD"), Bad, B("INSERT"), B("0"), B("v")));
        Assert.Equal(Enc, await s.Q(B("LMOD"), Bad, B("POP")));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("REMOVE"), B("0")));
    }

    [Fact]
    public async Task PoisonedStoreRefusesListWritesAtEachSubActionsOwnStep()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync((Ok, ["LSET", "l", "a", "b"]));
        s.Store.IsPoisoned = true;
        await s.ExpectAsync(
            (Serr, ["LSET", "new"]),
            (Serr, ["LSET", "l"]),
            (Nil, ["LMOD", "missing", "CLEAR"]),
            (Serr, ["LMOD", "l", "CLEAR"]),
            (Nil, ["LMOD", "missing", "PUSH", "x"]),
            (Serr, ["LMOD", "l", "PUSH", "x"]),
            (Wt, ["LMOD", "l", "REMOVE", "x"]),
            (Serr, ["LMOD", "missing", "REMOVE", "0"]),
            (Wt, ["LMOD", "l", "INSERT", "x", "v"]),
            (Serr, ["LMOD", "missing", "INSERT", "0", "v"]),
            (Wt, ["LMOD", "l", "POP", "x"]),
            (Serr, ["LMOD", "missing", "POP"]),
            (Unknown, ["LMOD", "l", "what"]),
            ("*1\n@+2\n1\na\n1\nb\n", ["LGET", "l"]),
            ("*1\n:1\n2\n", ["LGET", "l", "LEN"]));
        Assert.Equal(Enc, await s.Q(B("LMOD"), B("l"), B("PUSH"), Bad));
        Assert.Equal(Enc, await s.Q(B("LMOD"), B("l"), B("INSERT"), B("0"), Bad));
        Assert.Equal(Serr, await s.Q(B("LMOD"), Bad, B("INSERT"), B("0"), B("v")));
        Assert.Equal(Serr, await s.Q(B("LMOD"), Bad, B("POP")));
    }

    [Fact]
    public async Task ListActionsNeedAListTable()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        Assert.Equal(WrongModel, await c.QueryAsync("LSET", "l"));
        Assert.Equal(WrongModel, await c.QueryAsync("LGET", "l", "LEN"));
        Assert.Equal(WrongModel, await c.QueryAsync("LMOD", "l", "PUSH", "x"));
        server.Store.IsPoisoned = true;
        Assert.Equal(WrongModel, await c.QueryAsync("LSET", "l"));
        Assert.Equal(Ok, await c.QueryAsync("USE", "default"));
        Assert.Equal(Unset, await c.QueryAsync("LSET", "l"));
        Assert.Equal(Unset, await c.QueryAsync("LGET", "l"));
        Assert.Equal(Aerr, await c.QueryAsync("LMOD", "l"));
    }

    [Fact]
    public async Task ListErrorsInAPipelineDoNotStopLaterStages()
    {
        await using var s = await ListServer.StartAsync();
        var reply = await s.Client.PipelineAsync(
            ["LSET", "p", "a"],
            ["LGET", "p", "nope"],
            ["LMOD", "p", "POP", "9"],
            ["LMOD", "p", "PUSH", "b"],
            ["LGET", "p"]);
        Assert.Equal("*5\n!1\n0\n!14\nUnknown action\n!14\nbad-list-index\n!1\n0\n@+2\n1\na\n1\nb\n", reply);
    }

    [Fact]
    public async Task ListTablesMadeWithCreateTableServeEveryListAction()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await server.ConnectAsync();
        Assert.Equal(Ok, await c.QueryAsync("CREATE", "TABLE", "default:bins", "keymap(str,list<binstr>)"));
        Assert.Equal(Ok, await c.QueryAsync("USE", "default:bins"));
        Assert.Equal(Ok, await c.QueryAsync("LSET", "l", "x"));
        Assert.Equal(Ok, await c.QueryAsync("LMOD", "l", "PUSH", "y"));
        Assert.Equal("*1\n@?2\n1\nx\n1\ny\n", await c.QueryAsync("LGET", "l"));
        Assert.Equal("*1\n@?1\n1\nl\n", await c.QueryAsync("LSKEYS"));
        Assert.Equal("*1\n:1\n1\n", await c.QueryAsync("DBSIZE"));
        Assert.Equal(Ok, await c.QueryAsync("FLUSHDB", ":bins"));
        Assert.Equal(Nil, await c.QueryAsync("LGET", "l"));
    }
}
