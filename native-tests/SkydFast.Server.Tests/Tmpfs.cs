using System.Diagnostics;

namespace SkydFast.Server.Tests;

/// <summary>A small tmpfs mounted over a directory, for real disk faults (tests run as root); unmounted on dispose.</summary>
internal sealed class Tmpfs : IDisposable
{
    // errno ENOSPC: .NET reports a failed write on Unix as an IOException whose HResult is the raw errno.
    private const int NoSpaceLeft = 28;

    private readonly string _path;

    private Tmpfs(string path) => _path = path;

    public static Tmpfs Mount(string path, string size)
    {
        Check(Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path));
        return new Tmpfs(path);
    }

    /// <summary>Remounts read-only or read-write; retried briefly, since a save in flight holds files open ("busy").</summary>
    public void Remount(string mode)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = Run("mount", "-o", $"remount,{mode}", _path);
            if (result.ExitCode == 0 || attempt == 100)
            {
                Check(result);
                return;
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// Grows the file <c>filler</c> at the top of the disk until a write fails with ENOSPC, so the disk has no free
    /// page left; the other files are untouched. Call it again to take what was freed since. Returns its path.
    /// </summary>
    public string Fill()
    {
        var path = Path.Combine(_path, "filler");
        var chunk = new byte[64 * 1024];
        using var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write);
        var offset = RandomAccess.GetLength(handle);
        try
        {
            while (true)
            {
                // A short write fills the last pages; the write after it is the one that fails.
                RandomAccess.Write(handle, chunk, offset);
                offset += chunk.Length;
            }
        }
        catch (IOException ex) when (ex.HResult == NoSpaceLeft)
        {
            return path;
        }
    }

    public void Dispose() => Check(Run("umount", "-l", _path));

    private static void Check((int ExitCode, string Error) result) => Assert.True(result.ExitCode == 0, result.Error);

    private static (int ExitCode, string Error) Run(string command, params string[] args)
    {
        // Fully qualified: SkydFast.Server.Tests.Process is a namespace too.
        using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, $"{command} {string.Join(' ', args)}: {error}");
    }
}
