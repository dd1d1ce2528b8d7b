using System.Text;

namespace SkydFast.Client.Tests.Actions;

/// <summary>Every key/value and generic typed method against the real server, with exact results (actions.md §2-3).</summary>
public sealed class KeyValueActionTests
{
    [Fact]
    public async Task HeyaWhereAmIAndUse()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Equal("HEY!", await c.HeyaAsync());
        Assert.Equal("sayan", await c.HeyaAsync("sayan"));
        Assert.Equal(new SkyLocation("default", "default"), await c.WhereAmIAsync());
        await c.UseAsync("default");
        Assert.Equal(new SkyLocation("default", null), await c.WhereAmIAsync());
        Assert.Equal("default", (await c.WhereAmIAsync()).ToString());
        var error = await Assert.ThrowsAsync<SkyhashException>(() => c.UseAsync("nowhere"));
        Assert.Equal("container-not-found", error.ErrorString);
        Assert.Equal("USE", error.Action);
        Assert.Null(error.Code);
        await c.UseAsync("default:default");
        Assert.Equal("default:default", (await c.WhereAmIAsync()).ToString());
    }

    [Fact]
    public async Task GetSetUpdateAndDelReturnOutcomesAsValues()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Null(await c.GetAsync("k"));
        Assert.True(await c.SetAsync("k", "v"));
        Assert.False(await c.SetAsync("k", "other"));
        var value = await c.GetAsync("k");
        Assert.NotNull(value);
        Assert.Equal("v", value.Text);
        Assert.True(value.IsBinary);
        Assert.True(await c.UpdateAsync("k", "w"));
        Assert.False(await c.UpdateAsync("missing", "w"));
        Assert.Equal("w", (await c.GetAsync("k"))?.Text);
        Assert.True(await c.ExistsAsync("k"));
        Assert.False(await c.ExistsAsync("missing"));
        Assert.True(await c.DelAsync("k"));
        Assert.False(await c.DelAsync("k"));
        Assert.Equal(0UL, await c.DbSizeAsync());
    }

    [Fact]
    public async Task KeysAndValuesAreArbitraryBytes()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        byte[] key = [0, (byte)'\n', 0xff, (byte)'*'];
        byte[] value = [(byte)'\n', 0, 0x80, (byte)'!', (byte)'\n'];
        Assert.True(await c.SetAsync(key, value));
        Assert.Equal(value, (await c.GetAsync(key))?.ToArray());
        Assert.Equal(5UL, await c.KeyLenAsync(key));
        Assert.True(await c.SetAsync(new ReadOnlyMemory<byte>(key, 1, 2), "slice"));
        Assert.Equal("slice", (await c.GetAsync(SkyArg.FromBytes([(byte)'\n', 0xff])))?.Text);
        Assert.True(await c.SetAsync("ünïcödé", "✓"));
        Assert.Equal("✓", (await c.GetAsync("ünïcödé"))?.Text);
    }

    [Fact]
    public async Task MultiKeyActionsCountAsTheServerDoes()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Equal(2UL, await c.MSetAsync([("a", "1"), ("b", "2"), ("a", "3")]));
        Assert.Equal(["1", "2", null], Connect.Texts(await c.MGetAsync(["a", "b", "c"])));
        Assert.Equal(3UL, await c.ExistsAsync(["a", "a", "b", "c"]));
        Assert.Equal(2UL, await c.MUpdateAsync([("a", "x"), ("c", "y"), ("a", "z")]));
        Assert.Equal("z", (await c.GetAsync("a"))?.Text);
        Assert.Equal(2UL, await c.USetAsync([("b", "B"), ("c", "C")]));
        Assert.Equal(["z", "B", "C"], Connect.Texts(await c.MGetAsync(["a", "b", "c"])));
        Assert.Equal(2UL, await c.DelAsync(["a", "a", "b", "nope"]));
        Assert.Equal(1UL, await c.DbSizeAsync());
    }

    [Fact]
    public async Task StrongActionsAreAllOrNothing()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.True(await c.SetAsync("taken", "1"));
        Assert.False(await c.SSetAsync([("fresh", "1"), ("taken", "2")]));
        Assert.Null(await c.GetAsync("fresh"));
        Assert.True(await c.SSetAsync([("fresh", "1"), ("new", "2")]));
        Assert.False(await c.SUpdateAsync([("fresh", "9"), ("absent", "9")]));
        Assert.Equal("1", (await c.GetAsync("fresh"))?.Text);
        Assert.True(await c.SUpdateAsync([("fresh", "9"), ("new", "8")]));
        Assert.Equal(["9", "8"], Connect.Texts(await c.MGetAsync(["fresh", "new"])));
        Assert.False(await c.SDelAsync(["fresh", "absent"]));
        Assert.Equal(3UL, await c.DbSizeAsync());
        Assert.True(await c.SDelAsync(["fresh", "new"]));
        Assert.Equal(1UL, await c.DbSizeAsync());
    }

    [Fact]
    public async Task PopMPopAndKeyLen()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await c.MSetAsync([("a", "12345"), ("b", "xy")]);
        Assert.Equal(5UL, await c.KeyLenAsync("a"));
        Assert.Null(await c.KeyLenAsync("nope"));
        Assert.Equal("12345", (await c.PopAsync("a"))?.Text);
        Assert.Null(await c.PopAsync("a"));
        Assert.Equal(["xy", null, null], Connect.Texts(await c.MPopAsync(["b", "b", "a"])));
        Assert.Equal(0UL, await c.DbSizeAsync());
    }

    [Fact]
    public async Task DbSizeFlushDbAndLsKeysOnTheCurrentTableOrAnEntity()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await c.CreateTableAsync("other", "keymap(str,str)");
        await c.MSetAsync([.. Enumerable.Range(0, 12).Select(i => ((SkyArg)$"k{i}", (SkyArg)"v"))]);
        Assert.Equal(12UL, await c.DbSizeAsync());
        Assert.Equal(0UL, await c.DbSizeAsync("default:other"));
        Assert.Equal(10, (await c.LsKeysAsync()).Count);
        Assert.Equal(3, (await c.LsKeysAsync(3)).Count);
        var all = await c.LsKeysAsync("default:default", 100);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"k{i}").Order(), all.Select(k => k.Text).Order());
        Assert.All(all, k => Assert.True(k.IsBinary));
        Assert.Equal(10, (await c.LsKeysAsync("default:default")).Count);

        await c.UseAsync("default:other");
        Assert.True(await c.SetAsync("s", "t"));
        Assert.False(Assert.Single(await c.LsKeysAsync()).IsBinary);
        await c.FlushDbAsync("default:default");
        Assert.Equal(0UL, await c.DbSizeAsync("default:default"));
        await c.FlushDbAsync();
        Assert.Equal(0UL, await c.DbSizeAsync());
    }

    [Fact]
    public async Task StrTablesAnswerStringsAndRefuseInvalidUtf8()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await c.CreateTableAsync("texts", "keymap(str,str)");
        await c.UseAsync("default:texts");
        Assert.True(await c.SetAsync("k", "v"));
        Assert.False((await c.GetAsync("k"))!.IsBinary);
        var error = await Assert.ThrowsAsync<SkyhashException>(() => c.SetAsync("bad", new byte[] { 0xff }));
        Assert.Equal(SkyResponseCode.EncodingError, error.Code);
        Assert.Null(error.ErrorString);
    }

    [Fact]
    public async Task AnErrorAnswerIsAnExceptionAndTheConnectionStaysUsable()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await c.CreateTableAsync("lists", "keymap(str,list<str>)");
        await c.UseAsync("default:lists");
        var error = await Assert.ThrowsAsync<SkyhashException>(() => c.GetAsync("k"));
        Assert.Equal("wrong-model", error.ErrorString);
        Assert.Equal("GET: the server answered 'wrong-model'", error.Message);
        await c.UseAsync("default");
        error = await Assert.ThrowsAsync<SkyhashException>(() => c.DbSizeAsync());
        Assert.Equal("default-container-unset", error.ErrorString);
        Assert.False(c.IsClosed);
        Assert.Equal("HEY!", await c.HeyaAsync());
    }

    [Fact]
    public async Task RawQueriesReturnTheElementAsItIs()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Equal(SkyResponseCode.Okay, Assert.IsType<SkyCode>(await c.QueryAsync(Connect.Args("SET", "x", "1"))).Code);
        Assert.Equal("1", Assert.IsType<SkyValue>(await c.QueryAsync(Connect.Args("get", "x"))).Text);
        Assert.Equal(SkyResponseCode.ActionError, Assert.IsType<SkyCode>(await c.QueryAsync(Connect.Args("GET"))).Code);
        Assert.Equal("Unknown action", Assert.IsType<SkyErrorString>(await c.QueryAsync(Connect.Args("NOPE"))).Text);
        Assert.Equal(SkyResponseCode.PacketError, Assert.IsType<SkyCode>(await c.QueryAsync()).Code);
        Assert.Equal(1.2f, Assert.IsType<SkyFloat>(await c.QueryAsync(new SkyQuery("SYS", "INFO", "protover"))).Value);
        var mget = Assert.IsType<SkyTypedArray>(await c.QueryAsync(new SkyQuery("MGET").Add("x").Add("y")));
        Assert.Equal(["1", null], Connect.Texts(mget.Items));
        Assert.Equal(1UL, Assert.IsType<SkyInteger>(await c.QueryAsync(Connect.Args("DBSIZE"), CancellationToken.None)).Value);
    }

    [Fact]
    public async Task ALargeValueCrossesManyReads()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        var big = new byte[3 * 1024 * 1024];
        new Random(6).NextBytes(big);
        Assert.True(await c.SetAsync("big", big));
        Assert.Equal(big, (await c.GetAsync("big"))?.ToArray());
        Assert.Equal((ulong)big.Length, await c.KeyLenAsync("big"));
        Assert.Equal("small", (await c.HeyaAsync(Encoding.ASCII.GetBytes("small"))));
    }
}
