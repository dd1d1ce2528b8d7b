using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace SkydFast.Persistence.Files;

/// <summary>
/// The <c>.sky_pid</c> lock file (persistence-and-config.md §13): opened (created if missing), locked with
/// <c>flock(LOCK_EX | LOCK_NB)</c>, then truncated and filled with the decimal process id, no newline. A second
/// lock on the same directory fails, even in the same process (flock belongs to the open file description).
/// <see cref="Dispose"/> releases the lock and keeps the file, as upstream release builds do; a stale file without
/// a lock does not block the next start. Note that .NET's own file APIs take a shared flock when they open a file,
/// so a .NET reader can not open <c>.sky_pid</c> while the lock is held (<c>cat</c> can). Linux only.
/// </summary>
public sealed class PidLock : IDisposable
{
    /// <summary>The file's name in the data directory's parent (the working directory by default).</summary>
    public const string FileName = ".sky_pid";

    private readonly SafeFileHandle _handle;

    private PidLock(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path { get; }

    /// <summary>Locks <c><paramref name="directory"/>/.sky_pid</c> and writes this process's id into it.</summary>
    /// <exception cref="IOException">The file can not be opened or written, or another server (or another lock in
    /// this process) holds it. The message is the inner reason the host puts after
    /// <c>Startup failure: Failed to lock pid file: </c>, e.g. <c>Resource temporarily unavailable (os error 11):
    /// /srv/sky/.sky_pid is locked by another process (is another server running in this directory?)</c>.
    /// </exception>
    public static PidLock Acquire(string directory)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName));
        var handle = NativeMethods.OpenOrCreateReadWrite(path);
        try
        {
            var errno = NativeMethods.TryLockExclusive(handle);
            if (errno == NativeMethods.WouldBlock)
            {
                throw new IOException(
                    $"{NativeMethods.Describe(errno)}: {path} is locked by another process "
                    + "(is another server running in this directory?)");
            }

            if (errno != 0)
            {
                throw new IOException($"{NativeMethods.Describe(errno)}: flock {path}");
            }

            Span<byte> digits = stackalloc byte[16];
            Environment.ProcessId.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
            RandomAccess.SetLength(handle, 0);
            RandomAccess.Write(handle, digits[..length], fileOffset: 0);
            return new PidLock(path, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock (closing the descriptor drops the flock); the file stays.</summary>
    public void Dispose() => _handle.Dispose();
}
