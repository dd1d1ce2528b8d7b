
namespace SkydFast.Server.Tests.Process;

/// <summary>The real executable, started and stopped as a process.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task StartsOnAFreePortServesAndExitsCleanlyOnSigterm()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--noart");
        await using (var client = await server.ConnectAsync())
        {
            Assert.Equal("*1\n!1\n0\n", await client.QueryAsync("SET", "x", "100"));
            Assert.Equal("*1\n?3\n100\n", await client.QueryAsync("GET", "x"));
        }

        server.Signal("TERM");
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(20)), server.Log);
        Assert.Equal(0, server.ExitCode);
        Assert.Contains("Signalling all workers to shut down", server.Log);
        Assert.Contains("Goodbye :)", server.Log);
    }

    [Fact]
    public async Task SigintClosesOpenConnections()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        await using var client = await server.ConnectAsync();
        Assert.Equal("*1\n+4\nHEY!\n", await client.QueryAsync("HEYA"));

        server.Signal("INT");
        Assert.True(await client.WaitForCloseAsync(TimeSpan.FromSeconds(20)));
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(20)), server.Log);
        Assert.Equal(0, server.ExitCode);
    }

    [Fact]
    public async Task KilledServerDropsItsConnections()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        await using var client = await server.ConnectAsync();
        Assert.Equal("*1\n+4\nHEY!\n", await client.QueryAsync("HEYA"));

        server.Signal("KILL");
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(137, server.ExitCode);
        Assert.True(await client.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task VersionFlagPrintsBothVersions()
    {
        foreach (var flag in new[] { "-V", "--version" })
        {
            var (code, output) = await ServerProcess.RunToExitAsync(flag);
            Assert.Equal(0, code);
            Assert.Equal("skyd-fast 0.1.0 (compatible with Skytable 0.7.7)", output.Trim());
        }
    }

    [Fact]
    public async Task UnknownFlagPrintsCliErrorsAndExitsWithOne()
    {
        var (code, output) = await ServerProcess.RunToExitAsync("--bogus");
        Assert.Equal(1, code);
        Assert.Contains("CLI errors:", output);
        Assert.Contains("--bogus", output);
    }

    [Fact]
    public async Task BadHostOrPortIsACliError()
    {
        var (code, output) = await ServerProcess.RunToExitAsync("-h", "localhost.not.an.ip", "-p", "70000");
        Assert.Equal(1, code);
        Assert.Contains("CLI errors:\n    - Bad value for `--host`. Expected an IPv4/IPv6 address\n    - Bad value for `--port`. Expected a 16-bit positive integer", output);
    }

    [Fact]
    public async Task ShortHIsHostAndHelpIsLongOnly()
    {
        await using (var server = await ServerProcess.StartAsync("-h", "127.0.0.1", "-p", "0"))
        {
            Assert.Equal("127.0.0.1", server.EndPoint.Address.ToString());
        }

        var (code, output) = await ServerProcess.RunToExitAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("--host, -h", output);
    }

    [Fact]
    public async Task PortInUseFailsStartupWithExitCodeOne()
    {
        await using var first = await ServerProcess.StartAsync("--port", "0");
        var (code, output) = await ServerProcess.RunToExitAsync("--port", first.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, code);
        Assert.Contains("Startup failure", output);
    }
}
