using System.Net;
using SkydFast.Host.Configuration;

namespace SkydFast.Host.Tests.Configuration;

/// <summary>Every command-line flag of persistence-and-config.md §8.3 and DECISIONS.md 9, and its errors.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void NoConfigurationAtAllRunsOnTheDefaults()
    {
        var result = Config.Cli();
        var options = Config.Ok(result);
        Assert.Equal(ConfigSource.Default, result.Source);
        Assert.Empty(result.Warnings);
        Assert.Equal(IPAddress.Loopback, options.Host);
        Assert.Equal(2003, options.Port);
        Assert.False(options.NoArt);
        Assert.Equal(50_000, options.Transport.MaxConnections);
        Assert.Equal(DeploymentMode.Dev, options.Mode);
        Assert.True(options.BgsaveEnabled);
        Assert.Equal(TimeSpan.FromSeconds(120), options.BgsaveEvery);
        Assert.Null(options.Snapshots);
        Assert.Null(options.Tls);
        Assert.Null(options.AuthOriginKey);
        Assert.Null(options.MetricsPort);
        Assert.Equal(Environment.ProcessorCount, options.Transport.EventLoops);
    }

    [Fact]
    public void EveryFlagSetsItsSetting()
    {
        var key = new string('a', 20) + new string('7', 20);
        var result = Config.Cli(
            "-h", "::1", "-p", "+2010", "--noart", "-S", "30", "--maxcon", "12", "-m", "dev", "--auth-origin-key", key,
            "--data-dir", "/srv/sky", "--max-query-size", "1024", "--max-elements", "64", "--idle-timeout", "9", "--threads", "3",
            "--metrics-port", "9100", "-k", "key.pem", "-z", "chain.pem", "--sslport", "2104", "--sslonly", "--tlspassin", "pass.txt");
        var options = Config.Ok(result);

        Assert.Equal(ConfigSource.CommandLine, result.Source);
        Assert.Equal(IPAddress.IPv6Loopback, options.Host);
        Assert.Equal(2010, options.Port);
        Assert.True(options.NoArt);
        Assert.Equal(TimeSpan.FromSeconds(30), options.BgsaveEvery);
        Assert.Equal(12, options.Transport.MaxConnections);
        Assert.Equal(key, options.AuthOriginKey);
        Assert.Equal("/srv/sky", options.DataDirectory);
        Assert.Equal(1024, options.Limits.MaxQuerySize);
        Assert.Equal(64, options.Limits.MaxElements);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Transport.IdleTimeout);
        Assert.Equal(3, options.Transport.EventLoops);
        Assert.Equal(9100, options.MetricsPort);
        Assert.Equal(("key.pem", "chain.pem", 2104, true, "pass.txt"), (options.Tls!.KeyPath, options.Tls.ChainPath, options.Tls.Port, options.Tls.Only, options.Tls.PassphrasePath));
        Assert.Equal(["CLI warnings:\n    - Running in `user` mode. Set mode to `prod` in production"], result.Warnings);
    }

    [Fact]
    public void EveryBadValueIsReportedAtOnceInUpstreamsWords()
    {
        var result = Config.Cli(
            "-h", "localhost", "-p", "70000", "--maxcon", "0", "-m", "user", "--auth-origin-key", "short", "-S", "x",
            "--snapevery", "0", "--snapkeep", "1");

        Assert.Equal(ConfigOutcome.Error, result.Outcome);
        Assert.Equal(
            """
            CLI errors:
                - Bad value for `--host`. Expected an IPv4/IPv6 address
                - Bad value for `--port`. Expected a 16-bit positive integer
                - Bad value for `--saveduration`. Expected a positive integer greater than zero
                - Bad value for `--mode`. Expected a string with 'user' or 'prod'
                - Bad value for `--auth-origin-key`. Expected A 40-byte long ASCII string
                - Bad value for `--maxcon`. Expected a positive integer greater than zero
                - Bad value for `--snapevery`. Expected an integer greater than 0
            """,
            result.Error);
    }

    [Fact]
    public void TlsNeedsBothKeyAndChain()
    {
        Assert.Equal("CLI errors:\n    - To use TLS, pass values for both `--sslkey` and `--sslchain`", Config.Cli("--sslkey", "k.pem").Error);
        Assert.Equal("CLI errors:\n    - To use TLS, pass values for both `--sslkey` and `--sslchain`", Config.Cli("-z", "c.pem").Error);
    }

    [Fact]
    public void TlsDetailsWithoutTlsAreWarnedAbout()
    {
        var result = Config.Cli("--sslport", "2005", "--sslonly", "--tlspassin", "p");
        Assert.Null(Config.Ok(result).Tls);
        Assert.Equal(
            [
                "CLI warnings:\n    - Specifying `--sslport` is pointless when TLS is disabled\n    - Specifying `--sslonly` is pointless when TLS is disabled"
                + "\n    - Specifying `--tlspassin` is pointless when TLS is disabled\n    - Running in `user` mode. Set mode to `prod` in production",
            ],
            result.Warnings);
    }

    [Fact]
    public void NosaveReallyDisablesBgsaveWithUpstreamsWarnings()
    {
        var result = Config.Cli("--nosave", "-S", "10");
        Assert.False(Config.Ok(result).BgsaveEnabled);
        Assert.StartsWith(
            "CLI warnings:\n    - BGSAVE is disabled. You may lose data if the host crashes\n    - Specifying `--saveduration` is useless when BGSAVE is disabled",
            result.Warnings[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public void FlagsWithAConfigFileOrVariablesAreAConflict()
    {
        Assert.Equal(ConfigurationLoader.ConflictError, Config.Load(["-c", "x.toml", "-p", "1"], []).Error);
        Assert.Equal(ConfigurationLoader.ConflictError, Config.Load(["-p", "1"], [("SKY_SYSTEM_NOART", "true")]).Error);
        Assert.Equal(ConfigurationLoader.ConflictError, Config.Load(["-c", "x.toml"], [("SKY_SYSTEM_PORT", "not even valid")]).Error);
    }

    [Fact]
    public void UnknownFlagsAndMissingValuesAreCliErrors()
    {
        var result = Config.Cli("--bogus");
        Assert.Equal(ConfigOutcome.Error, result.Outcome);
        Assert.StartsWith("CLI errors:\n    - ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("CLI errors:\n    - ", Config.Cli("--port").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpAndVersionPrintAndExit()
    {
        using var output = new StringWriter();
        Assert.Equal(ConfigOutcome.Exit, ConfigurationLoader.Load(["--help"], _ => null, output).Outcome);
        Assert.Contains("--host, -h", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--withconfig, -c", output.ToString(), StringComparison.Ordinal);

        using var version = new StringWriter();
        Assert.Equal(ConfigOutcome.Exit, ConfigurationLoader.Load(["-V"], _ => null, version).Outcome);
        Assert.Equal("skyd-fast 0.1.0 (compatible with Skytable 0.7.7)\n", version.ToString());
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1024", true)]
    [InlineData("1025", false)]
    public void ThreadsAreBetweenOneAnd1024(string threads, bool ok)
    {
        var result = Config.Cli("--threads", threads);
        Assert.Equal(ok ? ConfigOutcome.Run : ConfigOutcome.Error, result.Outcome);
        if (!ok)
        {
            Assert.Equal("CLI errors:\n    - Bad value for `--threads`. Expected an integer from 1 to 1024", result.Error);
        }
    }
}
