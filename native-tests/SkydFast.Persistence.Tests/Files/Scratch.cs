using System.Diagnostics;

namespace SkydFast.Persistence.Tests.Files;

/// <summary>A fresh folder for one test: on the real disk (so fsync reaches a journaling file system) or on a
/// small tmpfs mounted for the test, which it can fill up (ENOSPC) or remount read-only (EROFS). As root, file
/// permissions stop nothing, so these mounts are how the tests make the disk fail for real.</summary>
internal sealed class Scratch : IDisposable
{
    private readonly bool _mounted;

    private Scratch(bool tmpfs)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skyd-fast-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (tmpfs)
        {
            Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", Path);
            _mounted = true;
        }
    }

    public string Path { get; }

    /// <summary>A folder on the disk the temp folder lives on.</summary>
    public static Scratch OnDisk() => new(tmpfs: false);

    /// <summary>A 256 KiB tmpfs, unmounted on dispose.</summary>
    public static Scratch Tmpfs() => new(tmpfs: true);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void RemountReadWrite() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Fills the tmpfs until a write fails with ENOSPC; returns the filler file.</summary>
    public string Fill()
    {
        var filler = Combine("filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException full)
        {
            Assert.Contains("No space left on device", full.Message, StringComparison.Ordinal);
        }

        return filler;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", Path);
        }

        Directory.Delete(Path, recursive: true);
    }

    /// <summary>Runs a command and returns its standard output; a non-zero exit fails the test.</summary>
    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {error}");
        return output;
    }
}
