using SkydFast.Host.Configuration;
using SkydFast.Testing;

namespace SkydFast.Host.Tests.Configuration;

/// <summary><c>mode = prod</c> (persistence-and-config.md §8.6).</summary>
public sealed class ProductionTests
{
    private static readonly string Key = new('a', 40);

    [Fact]
    public void EveryViolationIsListedInUpstreamsOrder()
    {
        var result = Config.Cli("-m", "prod", "--nosave", "--snapevery", "5", "--snapkeep", "1", "--stop-write-on-fail", "false", "--auth-origin-key", Key);

        Assert.StartsWith(
            """
            You have invalid configuration for production mode. Production mode errors:
                - Terminal artwork should be disabled
                - BGSAVE must be enabled
                - Snapshots must be failsafe
                - Either multi-socket (TCP and TLS) or TLS only must be enabled
                - When authn+authz is enabled, TLS-only mode must be enabled
            """,
            result.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AGoodProductionSetupRunsWithoutTheUserModeWarning()
    {
        var result = Config.Cli("-m", "prod", "--noart", "-k", "k.pem", "-z", "c.pem", "--sslonly", "--auth-origin-key", Key, "--maxcon", "1");
        Config.Ok(result);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void AuthNeedsTlsOnlyNotJustTls()
    {
        var result = Config.Cli("-m", "prod", "--noart", "-k", "k.pem", "-z", "c.pem", "--auth-origin-key", Key, "--maxcon", "1");
        Assert.Equal(
            "You have invalid configuration for production mode. Production mode errors:\n    - When authn+authz is enabled, TLS-only mode must be enabled",
            result.Error);
    }

    [Fact]
    public void MaxconAboveTheOpenFilesLimitIsReportedWithTheLimits()
    {
        var options = Config.Ok(Config.Cli("--noart", "-k", "k.pem", "-z", "c.pem", "--maxcon", "5000"));

        var feedback = ProductionChecks.Check(options, (1024, 4096));

        Assert.Equal(
            [
                "The value for maximum connections exceeds available resources to the server process",
                "The current process is set to a resource limit of 1024 and can be set to a maximum limit of 4096 in the OS",
            ],
            feedback.Errors);
        Assert.Empty(ProductionChecks.Check(options, (5000, 5000)).Errors);
    }

    [Fact]
    public void TheOpenFilesLimitIsReadFromProc()
    {
        using var dir = new TempDirectory();
        var limits = Path.Combine(dir.Path, "limits");
        File.WriteAllText(limits, "Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 524288               files\n");
        Assert.Equal((1024UL, 524288UL), ProductionChecks.ReadOpenFilesLimit(limits));
        File.WriteAllText(limits, "Max open files            unlimited            unlimited            files\n");
        Assert.Equal((ulong.MaxValue, ulong.MaxValue), ProductionChecks.ReadOpenFilesLimit(limits));
        Assert.Null(ProductionChecks.ReadOpenFilesLimit(Path.Combine(dir.Path, "missing")));
        Assert.NotNull(ProductionChecks.ReadOpenFilesLimit());
    }
}
