using SkydFast.Persistence.Services;

namespace SkydFast.Host.Tests.Configuration;

/// <summary>The snapshot and restore flags (persistence-and-config.md §8.3, DECISIONS.md 7).</summary>
public sealed class SnapshotFlagTests
{
    [Fact]
    public void SnapshotsAreOffWithoutFlags()
    {
        var options = Config.Ok(Config.Cli());
        Assert.Null(options.Snapshots);
        Assert.Null(options.RestoreFrom);
    }

    [Fact]
    public void BothSnapshotFlagsTurnThemOnFailsafeByDefault()
    {
        Assert.Equal(new SnapshotSettings(TimeSpan.FromHours(1), 4, Failsafe: true), Config.Ok(Config.Cli("--snapevery", "3600", "--snapkeep", "4")).Snapshots);
    }

    [Fact]
    public void StopWriteOnFailFalseMakesFailedSnapshotsLenient()
    {
        Assert.Equal(
            new SnapshotSettings(TimeSpan.FromMinutes(1), 0, Failsafe: false),
            Config.Ok(Config.Cli("--snapevery", "60", "--snapkeep", "0", "--stop-write-on-fail", "false")).Snapshots);
    }

    [Fact]
    public void RestoreTakesAFolderAndIsNoConfigurationSource()
    {
        var result = Config.Load(["-r", "/backups/snap"], [("SKY_SYSTEM_PORT", "2010")]);
        Assert.Equal("/backups/snap", Config.Ok(result).RestoreFrom);
        Assert.Equal(2010, result.Options.Port);
    }

    [Fact]
    public void ANegativeKeepCountIsACliError()
    {
        var result = Config.Cli("--snapevery", "1", "--snapkeep", "-1");
        Assert.Equal("CLI errors:\n    - Bad value for `--snapkeep`. Expected a positive integer or 0 to keep all", result.Error);
    }
}
