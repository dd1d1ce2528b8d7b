namespace SkydFast.Client.Tests.Actions;

/// <summary>LSET, LGET and its sub-actions, LMOD and its sub-actions (actions.md §4).</summary>
public sealed class ListActionTests
{
    private static async Task<SkyConnection> ListTableAsync(TestServer server)
    {
        var c = await Connect.ToAsync(server);
        await c.CreateTableAsync("lists", "keymap(str,list<str>)");
        await c.UseAsync("default:lists");
        return c;
    }

    [Fact]
    public async Task LSetCreatesOnceAndLGetReadsEveryForm()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await ListTableAsync(server);
        Assert.True(await c.LSetAsync("l", ["a", "b", "c"]));
        Assert.False(await c.LSetAsync("l", ["x"]));
        Assert.True(await c.LSetAsync("empty"));

        Assert.Equal(["a", "b", "c"], Connect.Texts((await c.LGetAsync("l"))!));
        Assert.Empty((await c.LGetAsync("empty"))!);
        Assert.Null(await c.LGetAsync("missing"));
        Assert.Equal(3UL, await c.LGetLenAsync("l"));
        Assert.Null(await c.LGetLenAsync("missing"));
        Assert.Equal(["a", "b"], Connect.Texts((await c.LGetLimitAsync("l", 2))!));
        Assert.Equal(["a", "b", "c"], Connect.Texts((await c.LGetLimitAsync("l", 99))!));
        Assert.Equal("b", (await c.LGetValueAtAsync("l", 1))?.Text);
        Assert.Null(await c.LGetValueAtAsync("missing", 0));
        Assert.Equal("bad-list-index", (await Assert.ThrowsAsync<SkyhashException>(() => c.LGetValueAtAsync("l", 3))).ErrorString);
        Assert.Equal("a", (await c.LGetFirstAsync("l"))?.Text);
        Assert.Equal("c", (await c.LGetLastAsync("l"))?.Text);
        Assert.Null(await c.LGetLastAsync("missing"));
        Assert.Equal("list-is-empty", (await Assert.ThrowsAsync<SkyhashException>(() => c.LGetFirstAsync("empty"))).ErrorString);
        Assert.Equal("list-is-empty", (await Assert.ThrowsAsync<SkyhashException>(() => c.LGetLastAsync("empty"))).ErrorString);
        Assert.Equal(["b", "c"], Connect.Texts((await c.LGetRangeAsync("l", 1))!));
        Assert.Equal(["a", "b"], Connect.Texts((await c.LGetRangeAsync("l", 0, 2))!));
        Assert.Empty((await c.LGetRangeAsync("l", 3))!);
        Assert.Null(await c.LGetRangeAsync("missing", 0));
        Assert.Equal("bad-list-index", (await Assert.ThrowsAsync<SkyhashException>(() => c.LGetRangeAsync("l", 2, 1))).ErrorString);
        Assert.All((await c.LGetAsync("l"))!, v => Assert.False(v.IsBinary));
    }

    [Fact]
    public async Task LModChangesListsAndReportsMissingOnesAsFalse()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await ListTableAsync(server);
        Assert.True(await c.LSetAsync("l", ["a", "b"]));
        Assert.True(await c.LModPushAsync("l", ["c", "d"]));
        Assert.False(await c.LModPushAsync("missing", ["c"]));
        Assert.True(await c.LModInsertAsync("l", 0, "z"));
        Assert.False(await c.LModInsertAsync("missing", 0, "z"));
        Assert.Equal("bad-list-index", (await Assert.ThrowsAsync<SkyhashException>(() => c.LModInsertAsync("l", 5, "end"))).ErrorString);
        Assert.Equal(["z", "a", "b", "c", "d"], Connect.Texts((await c.LGetAsync("l"))!));
        Assert.True(await c.LModRemoveAsync("l", 1));
        Assert.False(await c.LModRemoveAsync("missing", 0));
        Assert.Equal("bad-list-index", (await Assert.ThrowsAsync<SkyhashException>(() => c.LModRemoveAsync("l", 9))).ErrorString);
        Assert.Equal("d", (await c.LModPopAsync("l"))?.Text);
        Assert.Equal("z", (await c.LModPopAsync("l", 0))?.Text);
        Assert.Null(await c.LModPopAsync("missing"));
        Assert.Equal(["b", "c"], Connect.Texts((await c.LGetAsync("l"))!));
        Assert.True(await c.LModClearAsync("l"));
        Assert.False(await c.LModClearAsync("missing"));
        Assert.Equal(0UL, await c.LGetLenAsync("l"));
        Assert.Equal("bad-list-index", (await Assert.ThrowsAsync<SkyhashException>(() => c.LModPopAsync("l"))).ErrorString);

        // The generic actions work on list tables too.
        Assert.True(await c.ExistsAsync("l"));
        Assert.Equal(1UL, await c.DbSizeAsync());
        Assert.True(await c.DelAsync("l"));
    }

    [Fact]
    public async Task ListActionsOnAKeyValueTableAreWrongModel()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Equal("wrong-model", (await Assert.ThrowsAsync<SkyhashException>(() => c.LGetAsync("l"))).ErrorString);
        Assert.Equal("wrong-model", (await Assert.ThrowsAsync<SkyhashException>(() => c.LSetAsync("l"))).ErrorString);
    }
}
