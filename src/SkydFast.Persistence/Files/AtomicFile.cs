namespace SkydFast.Persistence.Files;

/// <summary>
/// The one way skyd-fast writes a file (persistence-and-config.md §3.1, DECISIONS.md 11): create or truncate
/// <c>&lt;name&gt;_</c>, write the whole content through a pooled buffer, fsync the file, rename it over
/// <c>&lt;name&gt;</c>, fsync the containing directory. A crash or an I/O error at any point leaves the old
/// <c>&lt;name&gt;</c> as it was; on an error the temp file is removed (best effort) and the exception propagates.
/// Linux only (see <see cref="SyncDirectory"/>).
/// </summary>
public static class AtomicFile
{
    /// <summary>Appended to the final name to form the temp file's name, as upstream does (<c>PRELOAD_</c>).</summary>
    public const string TempSuffix = "_";

    /// <summary>Writes <paramref name="path"/> atomically with the bytes <paramref name="write"/> puts into the
    /// writer (a <see cref="Stream"/> and an <see cref="System.Buffers.IBufferWriter{T}"/> of bytes).</summary>
    /// <param name="path">The final file.</param>
    /// <param name="state">Passed to <paramref name="write"/>, so a static lambda needs no closure.</param>
    /// <param name="write">Writes the content; it must not commit or dispose the writer.</param>
    /// <exception cref="IOException">Any I/O fault (ENOSPC, EROFS, EIO, ...); the old file is untouched.</exception>
    public static void Write<TState>(string path, TState state, Action<AtomicFileStream, TState> write)
    {
        using var writer = AtomicFileStream.Create(path);
        write(writer, state);
        writer.Commit();
    }

    /// <summary>Writes <paramref name="path"/> atomically with the bytes <paramref name="write"/> puts into the
    /// writer.</summary>
    /// <exception cref="IOException">Any I/O fault; the old file is untouched.</exception>
    public static void Write(string path, Action<AtomicFileStream> write) =>
        Write(path, write, static (writer, w) => w(writer));

    /// <summary>Writes <paramref name="path"/> atomically with exactly <paramref name="content"/>.</summary>
    /// <exception cref="IOException">Any I/O fault; the old file is untouched.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        using var writer = AtomicFileStream.Create(path);
        writer.Write(content);
        writer.Commit();
    }

    /// <summary>fsyncs a directory so that entries created, renamed or removed in it survive a crash
    /// (open with <c>O_RDONLY | O_DIRECTORY</c>, <c>fsync</c>, <c>close</c>; Linux only).</summary>
    /// <exception cref="IOException">With the errno text, e.g. <c>No such file or directory (os error 2)</c>.</exception>
    public static void SyncDirectory(string path) => NativeMethods.SyncDirectory(path);

    /// <summary>The directory that holds <paramref name="path"/> (the working directory for a bare name).</summary>
    internal static string ContainingDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return string.IsNullOrEmpty(directory) ? "/" : directory;
    }
}
