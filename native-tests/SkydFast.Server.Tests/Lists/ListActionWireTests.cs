using SkydFast.Store;
using static SkydFast.Testing.Replies;

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
            (Okay, ["LSET", "fruits", "apple", "kiwi"]),
            (Okay, ["lset", "none"]),
            (Overwrite, ["LsEt", "fruits", "x"]),
            (ActionError, ["LSET"]),
            ("*1\n@+2\n5\napple\n4\nkiwi\n", ["LGET", "fruits"]),
            ("*1\n@+0\n", ["lget", "none"]),
            (Nil, ["LGET", "missing"]),
            (ActionError, ["LGET"]));
    }

    [Fact]
    public async Task BinstrListsAnswerWithTheBinaryTypeSymbol()
    {
        await using var s = await ListServer.StartAsync(TableModel.BinstrListBinstr);
        Assert.Equal(Okay, await s.Q(B("LSET"), Bad, Bad, B("b")));
        Assert.Equal("*1\n@?2\n1\n\u00FF\n1\nb\n", await s.Q(B("LGET"), Bad));
        Assert.Equal("*1\n?1\nb\n", await s.Q(B("LGET"), Bad, B("LAST")));
        Assert.Equal("*1\n?1\nb\n", await s.Q(B("LMOD"), Bad, B("POP")));
        Assert.Equal(Okay, await s.Q("LSET", "e"));
        Assert.Equal("*1\n@?0\n", await s.Q("LGET", "e"));
    }

    [Fact]
    public async Task LgetSubActionsAnswerTheirValues()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Okay, ["LSET", "l", "a", "bb", "ccc"]),
            (Okay, ["LSET", "e"]),
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
            (Okay, ["LSET", "l", "a", "bb", "ccc"]),
            (Okay, ["LSET", "e"]),
            (ActionError, ["LGET", "l", "LEN", "x"]),
            (Nil, ["LGET", "missing", "LEN"]),
            (ActionError, ["LGET", "l", "LIMIT"]),
            (Wrongtype, ["LGET", "missing", "LIMIT", "-1"]),
            (Nil, ["LGET", "missing", "LIMIT", "1"]),
            (ActionError, ["LGET", "l", "VALUEAT", "1", "2"]),
            (Wrongtype, ["LGET", "missing", "VALUEAT", "x"]),
            (BadIndex, ["LGET", "l", "VALUEAT", "3"]),
            (ActionError, ["LGET", "l", "FIRST", "x"]),
            (ListIsEmpty, ["LGET", "e", "FIRST"]),
            (ActionError, ["LGET", "l", "LAST", "x"]),
            (ListIsEmpty, ["LGET", "e", "LAST"]),
            (Nil, ["LGET", "missing", "LAST"]),
            (ActionError, ["LGET", "l", "RANGE"]),
            (Wrongtype, ["LGET", "missing", "RANGE", "0", "x"]),
            (BadIndex, ["LGET", "l", "RANGE", "2", "1"]),
            (BadIndex, ["LGET", "l", "RANGE", "0", "4"]),
            (BadIndex, ["LGET", "l", "RANGE", "4"]),
            (Nil, ["LGET", "missing", "RANGE", "4"]),
            (UnknownAction, ["LGET", "l", "SLICE"]));
        Assert.Equal(EncodingError, await s.Q(B("LGET"), Bad));
        Assert.Equal(EncodingError, await s.Q(B("LGET"), Bad, B("len")));
        Assert.Equal(Wrongtype, await s.Q(B("LGET"), Bad, B("VALUEAT"), B("x")));
    }

    [Fact]
    public async Task LmodSubActionsChangeTheList()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Okay, ["LSET", "l"]),
            (Okay, ["LMOD", "l", "push", "a", "b"]),
            (Okay, ["lmod", "l", "PUSH", "c"]),
            (Okay, ["LMOD", "l", "Insert", "1", "x"]),
            ("*1\n@+4\n1\na\n1\nx\n1\nb\n1\nc\n", ["LGET", "l"]),
            (Okay, ["LMOD", "l", "remove", "0"]),
            ("*1\n+1\nc\n", ["LMOD", "l", "pop"]),
            ("*1\n+1\nx\n", ["LMOD", "l", "POP", "0"]),
            ("*1\n@+1\n1\nb\n", ["LGET", "l"]),
            (Okay, ["LMOD", "l", "Clear"]),
            ("*1\n@+0\n", ["LGET", "l"]));
    }

    [Fact]
    public async Task LmodSubActionsAnswerTheirErrorsInSpecOrder()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync(
            (Okay, ["LSET", "l", "a", "b"]),
            (Okay, ["LSET", "e"]),
            (ActionError, ["LMOD", "l"]),
            (UnknownAction, ["LMOD", "l", "APPEND", "x"]),
            (ActionError, ["LMOD", "l", "CLEAR", "x"]),
            (Nil, ["LMOD", "missing", "CLEAR"]),
            (ActionError, ["LMOD", "l", "PUSH"]),
            (Nil, ["LMOD", "missing", "PUSH", "x"]),
            (ActionError, ["LMOD", "l", "REMOVE"]),
            (Wrongtype, ["LMOD", "missing", "REMOVE", "-1"]),
            (Nil, ["LMOD", "missing", "REMOVE", "0"]),
            (BadIndex, ["LMOD", "l", "REMOVE", "2"]),
            (ActionError, ["LMOD", "l", "INSERT", "0"]),
            (Wrongtype, ["LMOD", "l", "INSERT", "x", "v"]),
            (Nil, ["LMOD", "missing", "INSERT", "0", "v"]),
            (BadIndex, ["LMOD", "l", "INSERT", "2", "v"]),
            (BadIndex, ["LMOD", "e", "INSERT", "0", "v"]),
            (ActionError, ["LMOD", "l", "POP", "0", "1"]),
            (Wrongtype, ["LMOD", "l", "POP", "+"]),
            (Nil, ["LMOD", "missing", "POP"]),
            (BadIndex, ["LMOD", "e", "POP"]),
            (BadIndex, ["LMOD", "l", "POP", "2"]),
            ("*1\n@+2\n1\na\n1\nb\n", ["LGET", "l"]));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("CLEAR")));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("PUSH"), B("x")));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), B("l"), B("PUSH"), B("ok"), Bad));
        Assert.Equal(Nil, await s.Q(B("LMOD"), B("missing"), B("PUSH"), Bad));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), B("missing"), B("INSERT"), B("0"), Bad));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), Bad, B("INSERT"), B("0"), B("v")));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), Bad, B("POP")));
        Assert.Equal(Nil, await s.Q(B("LMOD"), Bad, B("REMOVE"), B("0")));
    }

    [Fact]
    public async Task PoisonedStoreRefusesListWritesAtEachSubActionsOwnStep()
    {
        await using var s = await ListServer.StartAsync();
        await s.ExpectAsync((Okay, ["LSET", "l", "a", "b"]));
        s.Store.IsPoisoned = true;
        await s.ExpectAsync(
            (ServerError, ["LSET", "new"]),
            (ServerError, ["LSET", "l"]),
            (Nil, ["LMOD", "missing", "CLEAR"]),
            (ServerError, ["LMOD", "l", "CLEAR"]),
            (Nil, ["LMOD", "missing", "PUSH", "x"]),
            (ServerError, ["LMOD", "l", "PUSH", "x"]),
            (Wrongtype, ["LMOD", "l", "REMOVE", "x"]),
            (ServerError, ["LMOD", "missing", "REMOVE", "0"]),
            (Wrongtype, ["LMOD", "l", "INSERT", "x", "v"]),
            (ServerError, ["LMOD", "missing", "INSERT", "0", "v"]),
            (Wrongtype, ["LMOD", "l", "POP", "x"]),
            (ServerError, ["LMOD", "missing", "POP"]),
            (UnknownAction, ["LMOD", "l", "what"]),
            ("*1\n@+2\n1\na\n1\nb\n", ["LGET", "l"]),
            ("*1\n:1\n2\n", ["LGET", "l", "LEN"]));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), B("l"), B("PUSH"), Bad));
        Assert.Equal(EncodingError, await s.Q(B("LMOD"), B("l"), B("INSERT"), B("0"), Bad));
        Assert.Equal(ServerError, await s.Q(B("LMOD"), Bad, B("INSERT"), B("0"), B("v")));
        Assert.Equal(ServerError, await s.Q(B("LMOD"), Bad, B("POP")));
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
        Assert.Equal(Okay, await c.QueryAsync("USE", "default"));
        Assert.Equal(Unset, await c.QueryAsync("LSET", "l"));
        Assert.Equal(Unset, await c.QueryAsync("LGET", "l"));
        Assert.Equal(ActionError, await c.QueryAsync("LMOD", "l"));
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
        Assert.Equal(Okay, await c.QueryAsync("CREATE", "TABLE", "default:bins", "keymap(str,list<binstr>)"));
        Assert.Equal(Okay, await c.QueryAsync("USE", "default:bins"));
        Assert.Equal(Okay, await c.QueryAsync("LSET", "l", "x"));
        Assert.Equal(Okay, await c.QueryAsync("LMOD", "l", "PUSH", "y"));
        Assert.Equal("*1\n@?2\n1\nx\n1\ny\n", await c.QueryAsync("LGET", "l"));
        Assert.Equal("*1\n@?1\n1\nl\n", await c.QueryAsync("LSKEYS"));
        Assert.Equal("*1\n:1\n1\n", await c.QueryAsync("DBSIZE"));
        Assert.Equal(Okay, await c.QueryAsync("FLUSHDB", ":bins"));
        Assert.Equal(Nil, await c.QueryAsync("LGET", "l"));
    }
}
