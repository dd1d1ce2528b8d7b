namespace SkydFast.Server.Tests.Process;

/// <summary>The configuration sources through the real executable: a TOML file, variables, none, and what stops
/// startup (persistence-and-config.md §4, §8).</summary>
public sealed class ConfigurationProcessTests
{
    [Fact]
    public async Task AConfigurationFileConfiguresTheServer()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "skyd.toml");
        File.WriteAllText(file, $"""
            [server]
            host = "127.0.0.1"
            port = 0
            noart = true
            data_dir = "{dir.Path}"

            [bgsave]
            every = 1

            [extra]
            ignored = [1, "x"]
            """);

        await using var server = await ServerProcess.StartAsync("-c", file);

        Assert.Contains("Using settings from supplied configuration", server.Log);
        Assert.Contains("Configuration file warnings:\n    - Running in `user` mode. Set mode to `prod` in production", server.Log);
        Assert.DoesNotContain("|___/", server.Log);
        Assert.True(await server.WaitForLogAsync("BGSAVE completed successfully", 1, TimeSpan.FromSeconds(30)), server.Log);
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "ks", "PRELOAD")));
        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task VariablesConfigureTheServer()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartWithAsync(
            new Dictionary<string, string> { ["SKY_SYSTEM_PORT"] = "0", ["SKY_SYSTEM_DATA_DIR"] = dir.Path, ["SKY_BGSAVE_ENABLED"] = "false" });

        Assert.Contains("Environment warnings:\n    - BGSAVE is disabled. You may lose data if the host crashes", server.Log);
        Assert.Contains("BGSAVE is disabled", server.Log);
        await using (var c = await server.ConnectAsync())
        {
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "v"));
        }

        await server.StopCleanlyAsync();
        Assert.True(File.Exists(Path.Combine(dir.Path, ".sky_pid")));
    }

    [Fact]
    public async Task NoConfigurationAtAllRunsOnTheDefaultsWithArt()
    {
        await using var server = await ServerProcess.StartAsync();

        Assert.Equal(2003, server.EndPoint.Port);
        Assert.Contains("No configuration file supplied. Using default settings", server.Log);
        Assert.Contains("|___/", server.Log);
        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task TwoSourcesAreAConflict()
    {
        var (code, output) = await ServerProcess.RunToExitWithAsync(new Dictionary<string, string> { ["SKY_SYSTEM_NOART"] = "true" }, "--port", "0");
        Assert.Equal(1, code);
        Assert.Contains("Conflict error: Either provide CLI args, environment variables or a config file for configuration", output);
    }

    [Fact]
    public async Task ABadFileStopsStartupWithWhereItIsWrong()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "skyd.toml");
        File.WriteAllText(file, "[server]\nhost = \"127.0.0.1\"\nport = 2003\n[bgsave]\nevery = 0.5\n");

        var (code, output) = await ServerProcess.RunToExitAsync("-c", file);

        Assert.Equal(1, code);
        Assert.Contains("Configuration file parse failed: invalid type: floating point `0.5`, expected u64 for key `bgsave.every` at line 5 column 9", output);
    }

    [Fact]
    public async Task ProductionModeRefusesADevelopmentSetup()
    {
        var (code, output) = await ServerProcess.RunToExitAsync("--mode", "prod", "--port", "0");
        Assert.Equal(1, code);
        Assert.Contains("You have invalid configuration for production mode. Production mode errors:\n    - Terminal artwork should be disabled", output);
    }

    [Fact]
    public async Task SkyLogFiltersByTarget()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartWithAsync(new Dictionary<string, string> { ["SKY_LOG"] = "warn,skyd=info,skyd::bgsave=off" }, "--port", "0", "--data-dir", dir.Path, "-S", "1");
        await Task.Delay(2500);
        await server.StopCleanlyAsync();

        Assert.Matches(@"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INFO  skyd\] Server started on skyhash://127\.0\.0\.1:\d+", server.Log);
        Assert.DoesNotContain("BGSAVE completed successfully", server.Log);
    }
}
