using SkydFast.Persistence.Services;
using Cli = SkydFast.Host.CommandLine;

namespace SkydFast.Host.Tests.CommandLine;

/// <summary>The snapshot and restore flags (persistence-and-config.md §8.3, DECISIONS.md 7).</summary>
public sealed class SnapshotFlagTests
{
    [Fact]
    public void SnapshotsAreOffWithoutFlags()
    {
        Assert.Equal(Cli.Outcome.Run, Cli.Parse([], TextWriter.Null, out var options));
        Assert.Null(options.Snapshots);
        Assert.Null(options.RestoreFrom);
    }

    [Fact]
    public void BothSnapshotFlagsTurnThemOnFailsafeByDefault()
    {
        Assert.Equal(Cli.Outcome.Run, Cli.Parse(["--snapevery", "3600", "--snapkeep", "4"], TextWriter.Null, out var options));
        Assert.Equal(new SnapshotSettings(TimeSpan.FromHours(1), 4, Failsafe: true), options.Snapshots);
    }

    [Fact]
    public void StopWriteOnFailFalseMakesFailedSnapshotsLenient()
    {
        Assert.Equal(Cli.Outcome.Run, Cli.Parse(["--snapevery", "60", "--snapkeep", "0", "--stop-write-on-fail", "false"], TextWriter.Null, out var options));
        Assert.Equal(new SnapshotSettings(TimeSpan.FromMinutes(1), 0, Failsafe: false), options.Snapshots);
    }

    [Fact]
    public void RestoreTakesAFolder()
    {
        Assert.Equal(Cli.Outcome.Run, Cli.Parse(["-r", "/backups/snap"], TextWriter.Null, out var options));
        Assert.Equal("/backups/snap", options.RestoreFrom);
    }

    [Fact]
    public void ANegativeKeepCountIsACliError()
    {
        using var output = new StringWriter();
        Assert.Equal(Cli.Outcome.Error, Cli.Parse(["--snapevery", "1", "--snapkeep", "-1"], output, out _));
        Assert.Equal("CLI errors:\n    - Bad value for `--snapkeep`. Expected a positive integer or 0 to keep all\n", output.ToString());
    }
}
