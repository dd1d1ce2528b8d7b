using System.Diagnostics;

namespace SkydFast.Server.Tests;

/// <summary>A small tmpfs mounted over a directory, for real disk faults (tests run as root); unmounted on dispose.</summary>
internal sealed class Tmpfs : IDisposable
{
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
