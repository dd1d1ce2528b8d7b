using System.Text;
using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Store;

namespace SkydFast.Server.Tests.Auth;

/// <summary>Authentication over real sockets and through restarts (actions.md §9, persistence-and-config.md §2.5, §11).</summary>
public sealed class AuthWireTests
{
    private const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";
    private const string BadCredentials = "*1\n!2\n10\n";

    [Fact]
    public async Task NothingIsReachableBeforeALoginOverTheWire()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        await using var c = await server.ConnectAsync();
        Assert.Equal(BadCredentials, await c.QueryAsync("GET", "x"));
        Assert.Equal(BadCredentials, await c.PipelineAsync(["HEYA"], ["HEYA"]));
        Assert.Equal(BadCredentials, await c.PipelineAsync(["AUTH", "CLAIM", OriginKey], ["SET", "x", "1"]));

        var claim = await c.QueryAsync("AUTH", "CLAIM", OriginKey);
        Assert.Matches(@"^\*1\n\+56\n[./A-Za-z0-9]{54}==\n$", claim);
        Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "x", "1"));
        Assert.Equal("*1\n?1\n1\n", await c.QueryAsync("GET", "x"));

        await using var other = await server.ConnectAsync();
        Assert.Equal(BadCredentials, await other.QueryAsync("GET", "x"));
        Assert.Equal(Replies.Okay, await other.QueryAsync("AUTH", "LOGIN", "root", claim[7..^1]));
        Assert.Equal("*1\n?1\n1\n", await other.QueryAsync("GET", "x"));
    }

    [Fact]
    public async Task UsersSurviveARestartInTheAuthTableFile()
    {
        using var dir = new TempDirectory();
        string bobToken;
        await using (var server = await ServerProcess.StartInAsync(dir, "--auth-origin-key", OriginKey))
        {
            await using var c = await server.ConnectAsync();
            Assert.StartsWith("*1\n+56\n", await c.QueryAsync("AUTH", "CLAIM", OriginKey), StringComparison.Ordinal);
            bobToken = (await c.QueryAsync("AUTH", "ADDUSER", "bob"))[7..^1];
            await server.StopCleanlyAsync();
        }

        var system = Path.Combine(dir.Path, "data", "ks", "system");
        Assert.Equal(Cyan("auth"), File.ReadAllBytes(Path.Combine(system, "PARTMAP")));
        var users = AuthTableFile.Read(new MemoryStream(File.ReadAllBytes(Path.Combine(system, "auth"))), "auth", CyanstoreByteOrder.LittleEndian);
        Assert.Equal(["bob", "root"], users.Select(u => Encoding.ASCII.GetString(u.Username)).Order(StringComparer.Ordinal));
        Assert.All(users, u => Assert.Equal(0xAC, u.Hash[0]));

        // Auth off: the users stay on disk untouched (§11); auth on again: they log in.
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await server.StopCleanlyAsync();
        }

        Assert.Equal(2, AuthTableFile.Read(new MemoryStream(File.ReadAllBytes(Path.Combine(system, "auth"))), "auth", CyanstoreByteOrder.LittleEndian).Count);
        await using (var server = await ServerProcess.StartInAsync(dir, "--auth-origin-key", OriginKey))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("AUTH", "LOGIN", "bob", bobToken));
            Assert.Equal("*1\n!24\nerr-auth-already-claimed\n", await c.QueryAsync("AUTH", "CLAIM", OriginKey));
            await server.StopCleanlyAsync();
        }
    }

    [Fact]
    public async Task UsersHashedBySkytableLogIn()
    {
        // The two users upstream's debug builds insert (actions.md §9.4): real 0.7 hashes at cost 12.
        using var dir = new TempDirectory();
        await (await ServerProcess.StartInAsync(dir)).StopCleanlyAsync();
        var system = Path.Combine(dir.Path, "data", "ks", "system");
        AtomicFile.WriteAllBytes(Path.Combine(system, "auth"), AuthTable(
            ("root", "ac8f75a99e9c216a8b6b146a5bdb229d62938e5bdeeecd7848ab5ada93024b432c6cb97c37289cfc"),
            ("testuser", "acb73cdd35f0e7d9717062106d3eeb5fb86b828b2bc5281fb07fb916ac7c27e17c47c173b0a2ef5d")));
        AtomicFile.WriteAllBytes(Path.Combine(system, "PARTMAP"), Cyan("auth"));

        await using var server = await ServerProcess.StartInAsync(dir, "--auth-origin-key", OriginKey);
        await using var c = await server.ConnectAsync();
        Assert.Equal(BadCredentials, await c.QueryAsync("AUTH", "LOGIN", "testuser", "XUOdVKhEONnnGwNwT7WeLqbspDgVtKex0/nwFwBSW7XJxioHwpg6H."));
        Assert.Equal(Replies.Okay, await c.QueryAsync("AUTH", "LOGIN", "testuser", "mpobAB7EY8vnBs70d/..h1VvfinKIeEJgt1rg4wUkwF6aWCvGGR9le"));
        Assert.Equal("*1\n+8\ntestuser\n", await c.QueryAsync("AUTH", "WHOAMI"));
        Assert.Equal(Replies.Okay, await c.QueryAsync("AUTH", "LOGIN", "root", "XUOdVKhEONnnGwNwT7WeLqbspDgVtKex0/nwFwBSW7XJxioHwpg6H."));
        Assert.Equal("*1\n^+2\n4\nroot\n8\ntestuser\n", await c.QueryAsync("AUTH", "LISTUSER"));
        await server.StopCleanlyAsync();
    }

    private static byte[] Cyan(string table)
    {
        using var stream = new MemoryStream();
        PartmapFile.Write(stream, [new PartmapEntry(table, false, TableModel.BinstrBinstr)]);
        return stream.ToArray();
    }

    private static byte[] AuthTable(params (string User, string Hash)[] users)
    {
        using var stream = new MemoryStream();
        using (var writer = new AuthTableWriter(stream))
        {
            writer.Begin((ulong)users.Length);
            foreach (var (user, hash) in users)
            {
                writer.Write(Encoding.ASCII.GetBytes(user), Convert.FromHexString(hash));
            }

            writer.End();
        }

        return stream.ToArray();
    }
}
