using System.Diagnostics;
using System.Globalization;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Tests.Files;

public sealed class PidLockTests
{
    private static readonly string Pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void TheFileHoldsTheProcessIdWithoutANewline()
    {
        using var dir = Scratch.OnDisk();
        using (var pidLock = PidLock.Acquire(dir.Path))
        {
            Assert.Equal(dir.Combine(".sky_pid"), pidLock.Path);
            // .NET's file APIs take a shared flock on open and would fail here; cat does not, like upstream's users.
            Assert.Equal(Pid, Scratch.Run("cat", pidLock.Path));
        }

        Assert.Equal(Pid, File.ReadAllText(dir.Combine(".sky_pid")));
    }

    [Fact]
    public void AStaleLongerFileIsTruncated()
    {
        using var dir = Scratch.OnDisk();
        File.WriteAllText(dir.Combine(".sky_pid"), "123456789012345678\n");
        PidLock.Acquire(dir.Path).Dispose();
        Assert.Equal(Pid, File.ReadAllText(dir.Combine(".sky_pid")));
    }

    [Fact]
    public void ASecondLockOnTheSameDirectoryFailsEvenInTheSameProcess()
    {
        using var dir = Scratch.OnDisk();
        using var first = PidLock.Acquire(dir.Path);
        var fault = Assert.Throws<IOException>(() => PidLock.Acquire(dir.Path));
        Assert.Equal(
            $"Resource temporarily unavailable (os error 11): {first.Path} is locked by another process "
                + "(is another server running in this directory?)",
            fault.Message);
    }

    [Fact]
    public void DisposeReleasesTheLockAndKeepsTheFile()
    {
        using var dir = Scratch.OnDisk();
        PidLock.Acquire(dir.Path).Dispose();
        Assert.True(File.Exists(dir.Combine(".sky_pid")));
        using var again = PidLock.Acquire(dir.Path);
        Assert.Throws<IOException>(() => PidLock.Acquire(dir.Path));
    }

    [Fact]
    public void ALockHeldByAnotherProcessBlocksUntilItExits()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine(".sky_pid");
        // util-linux flock(1) takes the same flock(LOCK_EX) upstream skyd takes, then waits for its stdin to close.
        var start = new ProcessStartInfo("flock")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "--exclusive", path, "sh", "-c", "echo locked; cat >/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var other = Process.Start(start)!)
        {
            Assert.Equal("locked", other.StandardOutput.ReadLine());
            var fault = Assert.Throws<IOException>(() => PidLock.Acquire(dir.Path));
            Assert.StartsWith("Resource temporarily unavailable (os error 11)", fault.Message, StringComparison.Ordinal);
            other.StandardInput.Close();
            other.WaitForExit();
            Assert.Equal(0, other.ExitCode);
        }

        using var mine = PidLock.Acquire(dir.Path);
        Assert.Equal(Pid, Scratch.Run("cat", path));
    }

    [Fact]
    public void AnUnwritableDirectoryFailsWithTheReason()
    {
        using var dir = Scratch.Tmpfs();
        dir.RemountReadOnly();
        var fault = Assert.Throws<IOException>(() => PidLock.Acquire(dir.Path));
        Assert.Equal($"open {dir.Combine(".sky_pid")}: Read-only file system (os error 30)", fault.Message);
    }
}
