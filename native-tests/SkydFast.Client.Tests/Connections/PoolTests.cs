using SkydFast.Client.Pooling;

namespace SkydFast.Client.Tests.Connections;

/// <summary>The connection pool: reuse, what it resets, what it refuses, and many users at once.</summary>
public sealed class PoolTests
{
    private const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";

    [Fact]
    public async Task AReturnedConnectionIsReusedBackInItsStartingTable()
    {
        await using var server = await TestServer.StartAsync();
        await using var pool = new SkyConnectionPool(Connect.Options(server.EndPoint));
        SkyConnection first;
        await using (var lease = await pool.RentAsync())
        {
            first = lease.Connection;
            await first.CreateTableAsync("other", "keymap(str,str)");
            await first.UseAsync("default:other");
        }

        await using (var lease = await pool.RentAsync())
        {
            Assert.Same(first, lease.Connection);
            Assert.Equal(new SkyLocation("default", "default"), await lease.Connection.WhereAmIAsync());

            // A raw USE counts too.
            await lease.Connection.QueryAsync(Connect.Args("use", "default:other"));
        }

        await using (var lease = await pool.RentAsync())
        {
            Assert.Same(first, lease.Connection);
            Assert.Equal(new SkyLocation("default", "default"), await lease.Connection.WhereAmIAsync());
        }
    }

    [Fact]
    public async Task TheOptionsEntityIsWhereConnectionsStartAndReturn()
    {
        await using var server = await TestServer.StartAsync();
        await using (var setup = await Connect.ToAsync(server))
        {
            await setup.CreateKeyspaceAsync("app");
            await setup.CreateTableAsync("app:data", "keymap(str,str)");
        }

        var options = Connect.Options(server.EndPoint);
        options.Entity = "app:data";
        await using var pool = new SkyConnectionPool(options);
        Assert.Equal(new SkyLocation("app", "data"), await pool.RunAsync((c, t) => c.WhereAmIAsync(t)));
        await pool.RunAsync((c, t) => c.UseAsync("default", t));
        Assert.Equal(new SkyLocation("app", "data"), await pool.RunAsync((c, t) => c.WhereAmIAsync(t)));
    }

    [Fact]
    public async Task AConnectionWhoseLoginChangedIsClosedNotReused()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        var options = Connect.Options(server.EndPoint);
        await using (var c = await SkyConnection.ConnectAsync(options))
        {
            options.Token = await c.AuthClaimAsync(OriginKey);
            options.Username = "root";
        }

        await using var pool = new SkyConnectionPool(options);
        SkyConnection first;
        await using (var lease = await pool.RentAsync())
        {
            first = lease.Connection;
            Assert.Equal("root", await first.AuthWhoAmIAsync());
            await first.AuthLogoutAsync();
        }

        Assert.True(first.IsClosed);
        await using (var lease = await pool.RentAsync())
        {
            Assert.NotSame(first, lease.Connection);
            Assert.Equal("root", await lease.Connection.AuthWhoAmIAsync());
            await lease.Connection.PipelineAsync(new SkyPipeline().Add("HEYA").Add("AUTH", "login", "root", "wrong"));
            first = lease.Connection;
        }

        Assert.True(first.IsClosed);
    }

    [Fact]
    public async Task ClosedConnectionsAreDroppedAndADoubleReturnCountsOnce()
    {
        await using var server = await TestServer.StartAsync();
        await using var pool = new SkyConnectionPool(Connect.Options(server.EndPoint));
        var lease = await pool.RentAsync();
        var closed = lease.Connection;
        closed.Dispose();
        await lease.DisposeAsync();
        await using (var fresh = await pool.RentAsync())
        {
            Assert.NotSame(closed, fresh.Connection);
            Assert.Equal("HEY!", await fresh.Connection.HeyaAsync());
        }

        lease = await pool.RentAsync();
        lease.Dispose();
        lease.Dispose();
        await using var a = await pool.RentAsync();
        await using var b = await pool.RentAsync();
        Assert.NotSame(a.Connection, b.Connection);
    }

    [Fact]
    public async Task ManyTasksShareTheConnectionsAndKeepAtMostTheRetainedNumber()
    {
        await using var server = await TestServer.StartAsync();
        await using var pool = new SkyConnectionPool(Connect.Options(server.EndPoint), maximumRetained: 4);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<SkyConnection, byte>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var lease = await pool.RentAsync();
                seen.TryAdd(lease.Connection, 0);
                Assert.True(await lease.Connection.SetAsync($"{t}:{i}", $"{t}"));
                Assert.Equal($"{t}", (await lease.Connection.GetAsync($"{t}:{i}"))?.Text);
            }
        })));
        Assert.Equal(400UL, await pool.RunAsync((c, t) => c.DbSizeAsync(t)));
        Assert.InRange(seen.Count(c => !c.Key.IsClosed), 1, 4);
    }

    [Fact]
    public async Task ADisposedPoolClosesItsIdleConnectionsAndRentsNoMore()
    {
        await using var server = await TestServer.StartAsync();
        var pool = new SkyConnectionPool(Connect.Options(server.EndPoint));
        SkyConnection idle;
        await using (var lease = await pool.RentAsync())
        {
            idle = lease.Connection;
        }

        await pool.DisposeAsync();
        Assert.True(idle.IsClosed);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pool.RentAsync());
    }

    [Fact]
    public async Task AnUnreachableServerFailsTheRent()
    {
        await using var pool = new SkyConnectionPool(new SkyConnectionOptions { Port = Connect.FreePort() });
        await Assert.ThrowsAsync<SkyConnectException>(async () => await pool.RentAsync());
    }
}
