using System.Globalization;
using SkydFast.Store;
using static SkydFast.Testing.Replies;

namespace SkydFast.Server.Tests.Lists;

/// <summary>DBSIZE, FLUSHDB and LSKEYS over a real socket, on key/value and list tables.</summary>
public sealed class TableActionWireTests
{
    /// <summary>
    /// <c>default:default</c> (binstr values) with <paramref name="keys"/> keys <c>k0..</c>; <c>ks:lt</c>, a
    /// list&lt;str&gt; table with the lists <c>l0</c> and <c>l1</c>. The connection is on <c>default:default</c>.
    /// </summary>
    private static async Task<(TestServer Server, RawClient Client)> StartAsync(int keys)
    {
        var server = await TestServer.StartAsync();
        Assert.Equal(DdlResult.Okay, server.Store.CreateKeyspace("ks"));
        Assert.Equal(DdlResult.Okay, server.Store.CreateTable(server.Store.GetKeyspace("ks"u8)!, "lt", TableModel.StrListStr, false));
        var c = await server.ConnectAsync();
        for (var i = 0; i < keys; i++)
        {
            Assert.Equal(Okay, await c.QueryAsync("SET", "k" + i, "v"));
        }

        Assert.Equal(Okay, await c.QueryAsync("USE", "ks:lt"));
        Assert.Equal(Okay, await c.QueryAsync("LSET", "l0", "a", "b"));
        Assert.Equal(Okay, await c.QueryAsync("LSET", "l1"));
        Assert.Equal(Okay, await c.QueryAsync("USE", "default:default"));
        return (server, c);
    }

    private static string Int(long n)
    {
        var digits = n.ToString(CultureInfo.InvariantCulture);
        return $"*1\n:{digits.Length}\n{digits}\n";
    }

    /// <summary>The symbol and entries of a typed-array reply (LSKEYS order is unspecified).</summary>
    private static (char Symbol, HashSet<string> Keys, int Count) Keys(string reply)
    {
        Assert.StartsWith("*1\n@", reply, StringComparison.Ordinal);
        var lines = reply.Split('\n');
        var count = int.Parse(lines[1][2..], CultureInfo.InvariantCulture);
        var keys = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var entry = lines[3 + (2 * i)];
            Assert.Equal(int.Parse(lines[2 + (2 * i)], CultureInfo.InvariantCulture), entry.Length);
            keys.Add(entry);
        }

        Assert.Equal(3 + (2 * count), lines.Length);
        return (lines[1][1], keys, count);
    }

    private static void AssertAllKeys(char symbol, HashSet<string> expected, string reply)
    {
        var (actualSymbol, keys, count) = Keys(reply);
        Assert.Equal(symbol, actualSymbol);
        Assert.Equal(expected.Count, count);
        Assert.True(expected.SetEquals(keys), RawClient.Show(reply));
    }

    private static HashSet<string> Range(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => prefix + i)];

    [Fact]
    public async Task DbsizeCountsTheCurrentOrNamedTable()
    {
        var (server, c) = await StartAsync(keys: 3);
        await using (server)
        await using (c)
        {
            Assert.Equal(Int(3), await c.QueryAsync("DBSIZE"));
            Assert.Equal(Int(2), await c.QueryAsync("dbsize", "ks:lt"));
            Assert.Equal(Int(3), await c.QueryAsync("DbSize", "default"));
            Assert.Equal(Int(3), await c.QueryAsync("DBSIZE", ":default"));
            Assert.Equal(Okay, await c.QueryAsync("USE", "ks"));
            Assert.Equal(Unset, await c.QueryAsync("DBSIZE"));
            Assert.Equal(Int(2), await c.QueryAsync("DBSIZE", "lt"));
            Assert.Equal(NotFound, await c.QueryAsync("DBSIZE", "default"));
            Assert.Equal(NotFound, await c.QueryAsync("DBSIZE", "nope:lt"));
            Assert.Equal(Malformed, await c.QueryAsync("DBSIZE", "a:b:c"));
            Assert.Equal(BadName, await c.QueryAsync("DBSIZE", "9lives"));
            Assert.Equal(ActionError, await c.QueryAsync("DBSIZE", "lt", "lt"));
            server.Store.IsPoisoned = true;
            Assert.Equal(Int(2), await c.QueryAsync("DBSIZE", "ks:lt"));
        }
    }

    [Fact]
    public async Task FlushdbEmptiesTheCurrentOrNamedTable()
    {
        var (server, c) = await StartAsync(keys: 3);
        await using (server)
        await using (c)
        {
            Assert.Equal(Okay, await c.QueryAsync("flushdb", "ks:lt"));
            Assert.Equal(Int(0), await c.QueryAsync("DBSIZE", "ks:lt"));
            Assert.Equal(Int(3), await c.QueryAsync("DBSIZE"));
            Assert.Equal(Okay, await c.QueryAsync("FlushDB"));
            Assert.Equal(Int(0), await c.QueryAsync("DBSIZE"));
            Assert.Equal(NotFound, await c.QueryAsync("FLUSHDB", "nope"));
            Assert.Equal(Malformed, await c.QueryAsync("FLUSHDB", ""));
            Assert.Equal(BadName, await c.QueryAsync("FLUSHDB", "ks:t-1"));
            Assert.Equal(ActionError, await c.QueryAsync("FLUSHDB", "a", "b"));
            Assert.Equal(Okay, await c.QueryAsync("USE", "ks"));
            Assert.Equal(Unset, await c.QueryAsync("FLUSHDB"));
        }
    }

    [Fact]
    public async Task FlushdbOnAPoisonedStoreReturnsServerErrorBeforeTheTableChecks()
    {
        var (server, c) = await StartAsync(keys: 1);
        await using (server)
        await using (c)
        {
            server.Store.IsPoisoned = true;
            Assert.Equal(ServerError, await c.QueryAsync("FLUSHDB"));
            Assert.Equal(ServerError, await c.QueryAsync("FLUSHDB", "nope"));
            Assert.Equal(ServerError, await c.QueryAsync("FLUSHDB", "a:b:c"));
            Assert.Equal(ActionError, await c.QueryAsync("FLUSHDB", "a", "b"));
            Assert.Equal(Okay, await c.QueryAsync("USE", "ks"));
            Assert.Equal(ServerError, await c.QueryAsync("FLUSHDB"));
            Assert.Equal(Int(1), await c.QueryAsync("DBSIZE", "default:default"));
        }
    }

    [Fact]
    public async Task LskeysListsUpToTheLimitWithTheTablesValueSymbol()
    {
        var (server, c) = await StartAsync(keys: 15);
        await using (server)
        await using (c)
        {
            var (symbol, keys, count) = Keys(await c.QueryAsync("LSKEYS"));
            Assert.Equal(('?', 10), (symbol, count));
            Assert.Subset(Range("k", 15), keys);
            Assert.Equal(10, keys.Count);

            AssertAllKeys('?', Range("k", 15), await c.QueryAsync("lskeys", "20"));
            AssertAllKeys('?', Range("k", 15), await c.QueryAsync("LsKeys", "default", "ALL"));
            AssertAllKeys('?', Range("k", 15), await c.QueryAsync("LSKEYS", ":default", "18446744073709551615", "ignored"));
            AssertAllKeys('+', Range("l", 2), await c.QueryAsync("LSKEYS", "ks:lt"));
            Assert.Equal(3, Keys(await c.QueryAsync("LSKEYS", "3")).Count);
            Assert.Equal("*1\n@?0\n", await c.QueryAsync("LSKEYS", "0"));
            Assert.Equal("*1\n@+0\n", await c.QueryAsync("LSKEYS", "ks:lt", "0"));
        }
    }

    [Fact]
    public async Task LskeysAnswersItsErrorsInSpecOrder()
    {
        var (server, c) = await StartAsync(keys: 1);
        await using (server)
        await using (c)
        {
            Assert.Equal(Wrongtype, await c.QueryAsync("LSKEYS", "5x"));
            Assert.Equal(BadName, await c.QueryAsync("LSKEYS", "x-5"));
            Assert.Equal(Malformed, await c.QueryAsync("LSKEYS", ""));
            Assert.Equal(NotFound, await c.QueryAsync("LSKEYS", "nope"));
            Assert.Equal(Malformed, await c.QueryAsync("LSKEYS", "a:b:c", "x"));
            Assert.Equal(Wrongtype, await c.QueryAsync("LSKEYS", "nope", "x"));
            Assert.Equal(Wrongtype, await c.QueryAsync("LSKEYS", "default", "-1"));
            Assert.Equal(NotFound, await c.QueryAsync("LSKEYS", "ks:nope", "all"));
            Assert.Equal(ActionError, await c.QueryAsync("LSKEYS", "default", "1", "2", "3"));
            Assert.Equal(Okay, await c.QueryAsync("USE", "ks"));
            Assert.Equal(Unset, await c.QueryAsync("LSKEYS"));
            Assert.Equal(Wrongtype, await c.QueryAsync("LSKEYS", "1a"));
            Assert.Equal(Unset, await c.QueryAsync("LSKEYS", "1"));
            AssertAllKeys('+', Range("l", 2), await c.QueryAsync("LSKEYS", "lt"));
        }
    }
}
