namespace SkydFast.Client.Tests.Actions;

/// <summary>Every AUTH sub-action, logging in through the options, and what an anonymous connection gets (actions.md §9).</summary>
public sealed class AuthActionTests
{
    private const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";

    [Fact]
    public async Task ClaimAddUserLoginRestoreListAndDelete()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        await using var root = await Connect.ToAsync(server);
        Assert.Equal(SkyResponseCode.BadCredentials, (await Assert.ThrowsAsync<SkyhashException>(() => root.GetAsync("x"))).Code);
        Assert.Equal(SkyResponseCode.InsufficientPermissions, (await Assert.ThrowsAsync<SkyhashException>(() => root.AuthWhoAmIAsync())).Code);
        Assert.False(await root.AuthLoginAsync("root", "wrong"));
        Assert.Equal(SkyResponseCode.BadCredentials, (await Assert.ThrowsAsync<SkyhashException>(() => root.AuthClaimAsync("0000000000000000000000000000000000000000"))).Code);

        var rootToken = await root.AuthClaimAsync(OriginKey);
        Assert.Matches("^[./A-Za-z0-9]{54}==$", rootToken);
        Assert.Equal("root", await root.AuthWhoAmIAsync());
        Assert.Equal("err-auth-already-claimed", (await Assert.ThrowsAsync<SkyhashException>(() => root.AuthClaimAsync(OriginKey))).ErrorString);
        var bobToken = await root.AuthAddUserAsync("bob");
        Assert.Equal("err-auth-already-claimed", (await Assert.ThrowsAsync<SkyhashException>(() => root.AuthAddUserAsync("bob"))).ErrorString);
        Assert.Equal(["bob", "root"], (await root.AuthListUserAsync()).Order(StringComparer.Ordinal));

        await using (var bob = await Connect.ToAsync(server))
        {
            Assert.True(await bob.AuthLoginAsync("bob", bobToken));
            Assert.Equal("bob", await bob.AuthWhoAmIAsync());
            Assert.True(await bob.SetAsync("x", "1"));
            Assert.Equal(SkyResponseCode.InsufficientPermissions, (await Assert.ThrowsAsync<SkyhashException>(() => bob.AuthAddUserAsync("eve"))).Code);
            await bob.AuthLogoutAsync();
            Assert.Equal(SkyResponseCode.BadCredentials, (await Assert.ThrowsAsync<SkyhashException>(() => bob.GetAsync("x"))).Code);
        }

        var newBobToken = await root.AuthRestoreAsync("bob");
        Assert.NotEqual(bobToken, newBobToken);
        await using (var bob = await Connect.ToAsync(server))
        {
            Assert.False(await bob.AuthLoginAsync("bob", bobToken));
            Assert.True(await bob.AuthLoginAsync("bob", newBobToken));
        }

        Assert.True(await root.AuthDelUserAsync("bob"));
        Assert.False(await root.AuthDelUserAsync("bob"));
        Assert.Equal("err-auth-deluser-fail", (await Assert.ThrowsAsync<SkyhashException>(() => root.AuthDelUserAsync("root"))).ErrorString);

        // The origin key restores root's token from an anonymous connection.
        await using var anonymous = await Connect.ToAsync(server);
        var newRootToken = await anonymous.AuthRestoreAsync(OriginKey, "root");
        Assert.False(await anonymous.AuthLoginAsync("root", rootToken));
        Assert.True(await anonymous.AuthLoginAsync("root", newRootToken));
    }

    [Fact]
    public async Task OptionsLogInAtConnectAndABadTokenFailsTheConnect()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        string token;
        await using (var first = await Connect.ToAsync(server))
        {
            token = await first.AuthClaimAsync(OriginKey);
        }

        var options = Connect.Options(server.EndPoint);
        options.Username = "root";
        options.Token = token;
        options.Entity = "default";
        await using (var c = await SkyConnection.ConnectAsync(options))
        {
            Assert.Equal("root", await c.AuthWhoAmIAsync());
            Assert.Equal(new SkyLocation("default", null), await c.WhereAmIAsync());
        }

        options.Token = "not-the-token";
        var error = await Assert.ThrowsAsync<SkyhashException>(() => SkyConnection.ConnectAsync(options));
        Assert.Equal(SkyResponseCode.BadCredentials, error.Code);
    }

    [Fact]
    public async Task AnAnonymousPipelineIsRefusedWhole()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        await using var c = await Connect.ToAsync(server);
        var error = await Assert.ThrowsAsync<SkyhashException>(() => c.PipelineAsync(new SkyPipeline().Add("HEYA").Add("HEYA").Add("HEYA")));
        Assert.Equal(SkyResponseCode.BadCredentials, error.Code);
        Assert.False(c.IsClosed);
    }

    [Fact]
    public async Task WithoutAnOriginKeyAuthIsDisabled()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        Assert.Equal("err-auth-disabled", (await Assert.ThrowsAsync<SkyhashException>(() => c.AuthWhoAmIAsync())).ErrorString);
        Assert.Equal("err-auth-disabled", (await Assert.ThrowsAsync<SkyhashException>(() => c.AuthLoginAsync("a", "b"))).ErrorString);
        Assert.Equal("err-auth-disabled", (await Assert.ThrowsAsync<SkyhashException>(() => c.AuthListUserAsync())).ErrorString);
    }
}
