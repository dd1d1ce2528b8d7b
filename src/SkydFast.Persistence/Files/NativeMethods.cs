using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SkydFast.Persistence.Files;

/// <summary>
/// The few Linux system calls .NET does not expose: fsync of a directory, <c>renameat2</c>, <c>flock</c>,
/// <c>statx</c>, <c>sync_file_range</c> and thread priorities.
/// Linux only (glibc 2.28+ exports <c>renameat2</c>); skyd-fast's persistence targets Linux. Every failure becomes an
/// <see cref="IOException"/> whose message ends with the errno text the way Rust (and so upstream skyd) prints it:
/// <c>No such file or directory (os error 2)</c>.
/// </summary>
internal static partial class NativeMethods
{
    private const string Libc = "libc";
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1;
    private const uint RenameExchange = 2;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int OpenReadWrite = 2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const uint SyncFileRangeWrite = 2;
    private const int PrioProcess = 0;
    private const int MaxNice = 19;

    // struct statx has one layout on every architecture: 256 bytes, the device's major and minor numbers at 136, 140.
    private const int StatxSize = 256;
    private const int StatxDevMajor = 136;
    private const int StatxDevMinor = 140;

    // O_DIRECTORY differs by architecture: 040000 on arm, arm64 and powerpc, 0200000 (asm-generic) elsewhere.
    private static readonly int OpenDirectory = RuntimeInformation.ProcessArchitecture is
        Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 or Architecture.Ppc64le ? 0x4000 : 0x10000;

    /// <summary>How many nice levels below the main thread <see cref="LowerThreadPriority"/> puts a thread: at 5 the
    /// scheduler gives a busy normal thread about three times the CPU (weights 1024 against 335), so a flush on a
    /// saturated server still moves at a third of a core's pace. Measured on 2 cores (bench/README.md): at 5, the GET
    /// p99 during back-to-back flushes is back to where it was before flushes wrote behind the encoder; at 10 the
    /// flushes starved under busy writers (a test flushing under 4 writer threads flat out took 15 s instead of
    /// about 5 s) for no better p99.</summary>
    internal const int BackgroundNiceIncrement = 5;

    /// <summary>errno EWOULDBLOCK (= EAGAIN on Linux): the lock is held by another open file description.</summary>
    internal const int WouldBlock = 11;

    /// <summary>Opens <paramref name="path"/> read-only as a directory, fsyncs it and closes it, so that the
    /// entries created, renamed or removed in it survive a crash.</summary>
    /// <exception cref="IOException">open, fsync or close failed.</exception>
    internal static void SyncDirectory(string path)
    {
        var fd = Open(path, OpenDirectory | OpenCloseOnExec, 0);
        if (fd < 0)
        {
            throw Error("open directory", path);
        }

        var synced = Fsync(fd) == 0;
        // Capture fsync's errno before close can overwrite it.
        var fsyncError = synced ? null : Error("fsync directory", path);
        if (Close(fd) != 0 && fsyncError is null)
        {
            throw Error("close directory", path);
        }

        if (fsyncError is not null)
        {
            throw fsyncError;
        }
    }

    /// <summary>Swaps the two paths atomically: <c>renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)</c>. Both must
    /// exist and be on the same file system.</summary>
    /// <exception cref="IOException">the exchange failed; nothing changed.</exception>
    internal static void ExchangePaths(string a, string b)
    {
        if (RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // EINVAL: the file system lacks RENAME_EXCHANGE (NFS, older ZFS); ENOSYS: a kernel before 3.15.
            var hint = errno is 22 or 38
                ? " (the data directory's file system must support renameat2 RENAME_EXCHANGE: ext4, xfs, btrfs, tmpfs)"
                : "";
            throw new IOException($"exchange {a} <-> {b}: {Describe(errno)}{hint}");
        }
    }

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/> and fails (EEXIST) instead of replacing an
    /// existing <paramref name="to"/>: <c>renameat2(..., RENAME_NOREPLACE)</c>.</summary>
    /// <exception cref="IOException">the rename failed; nothing changed.</exception>
    internal static void RenameNoReplaceOrThrow(string from, string to)
    {
        if (RenameAt2(AtFdCwd, from, AtFdCwd, to, RenameNoReplace) != 0)
        {
            throw Error("rename", $"{from} -> {to}");
        }
    }

    /// <summary>Opens (creating it with mode 0666 minus the umask, as Rust's <c>File::create</c> does) a file for
    /// reading and writing without the advisory lock .NET's own file APIs take.</summary>
    /// <exception cref="IOException">open failed.</exception>
    internal static SafeFileHandle OpenOrCreateReadWrite(string path)
    {
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, 0x1B6);
        return fd < 0 ? throw Error("open", path) : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Takes <c>flock(fd, LOCK_EX | LOCK_NB)</c>. Returns 0 on success, else the errno
    /// (<see cref="WouldBlock"/> when another open file description holds a lock).</summary>
    internal static int TryLockExclusive(SafeFileHandle handle) =>
        Flock(handle, LockExclusive | LockNonBlocking) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>The device (file system) <paramref name="path"/> lives on, as <c>major:minor</c>; two paths can be
    /// renamed into each other only when these are equal.</summary>
    /// <exception cref="IOException">statx failed.</exception>
    internal static ulong DeviceOf(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, 0, buffer) != 0)
        {
            throw Error("statx", path);
        }

        var major = BitConverter.ToUInt32(buffer, StatxDevMajor);
        var minor = BitConverter.ToUInt32(buffer, StatxDevMinor);
        return ((ulong)major << 32) | minor;
    }

    /// <summary>Asks the kernel to start writing the range to the disk now, without waiting for it:
    /// <c>sync_file_range(fd, offset, count, SYNC_FILE_RANGE_WRITE)</c>. A hint only: it makes nothing durable, and
    /// whatever fails here (EIO, or ESPIPE on a pipe) the fsync that must follow reports, so its result is not
    /// checked.</summary>
    internal static void StartWriteback(SafeFileHandle handle, long offset, long count) =>
        _ = SyncFileRange(handle, offset, count, SyncFileRangeWrite);

    /// <summary>
    /// Puts the calling thread <see cref="BackgroundNiceIncrement"/> nice levels below the process's main thread
    /// (<c>setpriority(PRIO_PROCESS, 0, ...)</c>), so that while requests want the CPU, the scheduler gives it
    /// to them first. Idempotent. A preference only: where it is refused (a seccomp profile, say), the work runs at
    /// normal priority, so the result is not checked. .NET's <see cref="Thread.Priority"/> does nothing on Linux.
    /// </summary>
    internal static void LowerThreadPriority()
    {
        var main = GetPriority(PrioProcess, Environment.ProcessId);
        if (main == -1 && Marshal.GetLastPInvokeError() != 0)
        {
            return;
        }

        // who = 0 is the calling thread: on Linux the nice value is a thread's, and PRIO_PROCESS with 0 means `current`.
        _ = SetPriority(PrioProcess, 0, Math.Min(MaxNice, main + BackgroundNiceIncrement));
    }

    /// <summary>The errno text as Rust prints an <c>io::Error</c>: <c>strerror (os error N)</c>.</summary>
    internal static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (os error {errno})";

    private static IOException Error(string operation, string subject)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{operation} {subject}: {Describe(errno)}");
    }

    // open(2) is variadic in C; on the Linux ABIs .NET runs on (x64, arm64) the mode travels exactly like a fixed
    // third int argument, so declaring it fixed is sound.
    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    // The device numbers are filled whatever the mask asks for (statx(2)); the buffer is struct statx's full size.
    [LibraryImport(Libc, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport(Libc, EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, uint flags);

    // Returns the nice value, which may be -1: errno tells an error apart (the marshaller clears it before the call).
    [LibraryImport(Libc, EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport(Libc, EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport(Libc, EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle fd, int operation);
}
