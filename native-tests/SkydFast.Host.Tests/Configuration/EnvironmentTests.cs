using System.Net;
using SkydFast.Host.Configuration;

namespace SkydFast.Host.Tests.Configuration;

/// <summary>Every variable of persistence-and-config.md §8.4 and DECISIONS.md 8-9, and its errors.</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public void EveryVariableSetsItsSetting()
    {
        var key = new string('K', 40);
        var result = Config.Env(
            ("SKY_SYSTEM_HOST", "0.0.0.0"), ("SKY_SYSTEM_PORT", "2011"), ("SKY_SYSTEM_NOART", "true"), ("SKY_SYSTEM_MAXCON", "+7"),
            ("SKY_DEPLOY_MODE", "dev"), ("SKY_BGSAVE_ENABLED", "true"), ("SKY_BGSAVE_DURATION", "15"), ("SKY_SNAPSHOT_DURATION", "60"),
            ("SKY_SNAPSHOT_KEEP", "3"), ("SKY_SNAPSHOT_FAILSAFE", "false"), ("SKY_TLS_KEY", "k.pem"), ("SKY_TLS_CERT", "c.pem"),
            ("SKY_TLS_PORT", "2204"), ("SKY_TLS_ONLY", "false"), ("SKY_TLS_PASSIN", "p.txt"), ("SKY_AUTH_ORIGIN_KEY", key),
            ("SKY_SYSTEM_DATA_DIR", "/var/lib/sky"), ("SKY_SYSTEM_MAX_QUERY_SIZE", "4096"), ("SKY_SYSTEM_MAX_ELEMENTS", "100"),
            ("SKY_SYSTEM_IDLE_TIMEOUT", "30"), ("SKY_SYSTEM_THREADS", "4"), ("SKY_METRICS_PORT", "0"));
        var options = Config.Ok(result);

        Assert.Equal(ConfigSource.Environment, result.Source);
        Assert.Equal(IPAddress.Any, options.Host);
        Assert.Equal(2011, options.Port);
        Assert.True(options.NoArt);
        Assert.Equal(7, options.Transport.MaxConnections);
        Assert.True(options.BgsaveEnabled);
        Assert.Equal(TimeSpan.FromSeconds(15), options.BgsaveEvery);
        Assert.Equal(new Persistence.Services.SnapshotSettings(TimeSpan.FromMinutes(1), 3, false), options.Snapshots);
        Assert.Equal(("k.pem", "c.pem", 2204, false, "p.txt"), (options.Tls!.KeyPath, options.Tls.ChainPath, options.Tls.Port, options.Tls.Only, options.Tls.PassphrasePath));
        Assert.Equal(key, options.AuthOriginKey);
        Assert.Equal("/var/lib/sky", options.DataDirectory);
        Assert.Equal(4096, options.Limits.MaxQuerySize);
        Assert.Equal(100, options.Limits.MaxElements);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Transport.IdleTimeout);
        Assert.Equal(4, options.Transport.EventLoops);
        Assert.Equal(0, options.MetricsPort);
        Assert.Equal(["Environment warnings:\n    - Running in `user` mode. Set mode to `prod` in production"], result.Warnings);
    }

    [Fact]
    public void BadValuesAreEnvironmentErrors()
    {
        var result = Config.Env(
            ("SKY_SYSTEM_PORT", " 2003"), ("SKY_SYSTEM_NOART", "yes"), ("SKY_SYSTEM_MAXCON", "-1"), ("SKY_BGSAVE_ENABLED", "True"),
            ("SKY_DEPLOY_MODE", "production"));

        Assert.Equal(
            """
            Environment errors:
                - Bad value for `SKY_SYSTEM_PORT`. Expected a 16-bit positive integer
                - Bad value for `SKY_SYSTEM_NOART`. Expected true/false
                - Bad value for `SKY_SYSTEM_MAXCON`. Expected a positive integer greater than zero
                - Bad value for `SKY_DEPLOY_MODE`. Expected a string with 'user' or 'prod'
                - Bad value for `SKY_BGSAVE_ENABLED`. Expected true/false
            """,
            result.Error);
    }

    [Fact]
    public void AZeroMaxconIsAnErrorAndPairsMustComeTogether()
    {
        Assert.Equal(
            "Environment errors:\n    - Bad value for `SKY_SYSTEM_MAXCON`. Expected a positive integer greater than zero",
            Config.Env(("SKY_SYSTEM_MAXCON", "0")).Error);
        Assert.Equal(
            "Environment errors:\n    - To use snapshots, pass values for both `SKY_SNAPSHOT_DURATION` and `SKY_SNAPSHOT_KEEP`",
            Config.Env(("SKY_SNAPSHOT_KEEP", "2")).Error);
        Assert.Equal(
            "Environment errors:\n    - To use TLS, pass values for both `SKY_TLS_KEY` and `SKY_TLS_CERT`",
            Config.Env(("SKY_TLS_CERT", "c.pem")).Error);
    }

    [Fact]
    public void TheDocumentedModeVariableWorksAndUpstreamsWins()
    {
        Assert.Equal(DeploymentMode.Prod, Config.Env(("SKY_DEPLOYMENT_MODE", "prod")).Options.Mode);
        Assert.Equal(DeploymentMode.Dev, Config.Ok(Config.Env(("SKY_DEPLOYMENT_MODE", "prod"), ("SKY_DEPLOY_MODE", "dev"))).Mode);
    }

    [Fact]
    public void BgsaveDisabledByTheEnvironmentIsDisabled()
    {
        var result = Config.Env(("SKY_BGSAVE_ENABLED", "false"), ("SKY_BGSAVE_DURATION", "5"));
        Assert.False(Config.Ok(result).BgsaveEnabled);
        Assert.Contains("Specifying `SKY_BGSAVE_DURATION` is useless when BGSAVE is disabled", result.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SkyLogIsNotConfiguration()
    {
        var result = Config.Load(["-p", "9"], [("SKY_LOG", "debug")]);
        Assert.Equal(9, Config.Ok(result).Port);
    }
}
