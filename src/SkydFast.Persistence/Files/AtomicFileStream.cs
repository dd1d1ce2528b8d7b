using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace SkydFast.Persistence.Files;

/// <summary>
/// Writes one file the <see cref="AtomicFile"/> way: the bytes go to <c>&lt;name&gt;_</c> through a pooled buffer;
/// <see cref="Commit"/> fsyncs it, renames it over <c>&lt;name&gt;</c> and fsyncs the directory. Disposing without a
/// successful <see cref="Commit"/> removes the temp file (best effort) and leaves <c>&lt;name&gt;</c> untouched.
/// Both a write-only <see cref="Stream"/> and an <see cref="IBufferWriter{T}"/>: encoders write fixed-size fields
/// straight into <see cref="GetSpan"/>. Not thread-safe.
/// </summary>
public sealed class AtomicFileStream : Stream, IBufferWriter<byte>
{
    /// <summary>The default buffer: 64 KiB turns the encoder's many small fields into few <c>pwrite</c> calls
    /// while staying far below the large-object heap (the array comes from <see cref="FileBuffers"/>).</summary>
    public const int DefaultBufferSize = 64 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly bool _writeBehind;
    private BlockWriter? _blockWriter;
    private byte[] _buffer;
    private int _buffered;
    private long _fileOffset;
    private bool _committed;
    private bool _disposed;

    private AtomicFileStream(string path, string tempPath, SafeFileHandle handle, int bufferSize, bool writeBehind)
    {
        Path = path;
        TempPath = tempPath;
        _handle = handle;
        _writeBehind = writeBehind;
        _buffer = FileBuffers.Pool.Rent(bufferSize);
    }

    /// <summary>The final file.</summary>
    public string Path { get; }

    /// <summary>The temp file being written: <see cref="Path"/> + <see cref="AtomicFile.TempSuffix"/>.</summary>
    public string TempPath { get; }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !_disposed && !_committed;

    /// <summary>The bytes written so far.</summary>
    public override long Length => _fileOffset + _buffered;

    /// <summary>The bytes written so far; setting it is not supported.</summary>
    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException("An atomic file is written front to back.");
    }

    /// <summary>Creates or truncates <c><paramref name="path"/>_</c> and returns a writer for it.</summary>
    /// <param name="path">The final file; its directory must exist.</param>
    /// <param name="bufferSize">The pooled buffer's minimum size in bytes.</param>
    /// <exception cref="IOException">The temp file cannot be created (EROFS, ENOSPC, ENOENT, ...).</exception>
    public static AtomicFileStream Create(string path, int bufferSize = DefaultBufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        return Open(path, bufferSize, writeBehind: false);
    }

    /// <summary>
    /// Creates or truncates <c><paramref name="path"/>_</c> and returns a writer for a file that may grow large
    /// (a table): the bytes gather in blocks of <see cref="BlockWriter.BlockSize"/>, and from the first full block on
    /// a <see cref="BlockWriter"/> thread writes them and starts their writeback while the caller encodes the next.
    /// A file that never fills a block is written like any other. A write error surfaces from a later write or
    /// from <see cref="Commit"/>.
    /// </summary>
    /// <exception cref="IOException">The temp file cannot be created (EROFS, ENOSPC, ENOENT, ...).</exception>
    public static AtomicFileStream CreateLarge(string path) => Open(path, BlockWriter.BlockSize, writeBehind: true);

    private static AtomicFileStream Open(string path, int bufferSize, bool writeBehind)
    {
        var tempPath = path + AtomicFile.TempSuffix;
        var handle = File.OpenHandle(tempPath, FileMode.Create, FileAccess.Write, FileShare.None);
        return new AtomicFileStream(path, tempPath, handle, bufferSize, writeBehind);
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _buffered);
        _buffered += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_buffered);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_buffered);
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfNotWritable();
        if (buffer.Length <= _buffer.Length - _buffered)
        {
            buffer.CopyTo(_buffer.AsSpan(_buffered));
            _buffered += buffer.Length;
            return;
        }

        if (_writeBehind)
        {
            // The writer thread owns each block until written, so every byte is copied into one.
            while (buffer.Length > 0)
            {
                var room = _buffer.Length - _buffered;
                if (room == 0)
                {
                    FlushBuffer();
                    continue;
                }

                var part = Math.Min(room, buffer.Length);
                buffer[..part].CopyTo(_buffer.AsSpan(_buffered));
                _buffered += part;
                buffer = buffer[part..];
            }

            return;
        }

        FlushBuffer();
        if (buffer.Length >= _buffer.Length)
        {
            // A large block skips the copy: one pwrite straight from the caller's memory.
            WriteAt(buffer);
            return;
        }

        buffer.CopyTo(_buffer);
        _buffered = buffer.Length;
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void WriteByte(byte value)
    {
        ThrowIfNotWritable();
        if (_buffered == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_buffered++] = value;
    }

    /// <summary>Hands the buffered bytes to the kernel (not to the disk: that is <see cref="Commit"/>'s job).</summary>
    public override void Flush()
    {
        ThrowIfNotWritable();
        FlushBuffer();
    }

    /// <summary>Makes the content durable and visible: writes the buffer, fsyncs the temp file, closes it, renames
    /// it over <see cref="Path"/> and fsyncs the directory. After a failure before the rename the old file is
    /// untouched and disposing removes the temp file; a failure of the last fsync comes after the rename.</summary>
    /// <exception cref="IOException">A write, fsync, rename or the directory fsync failed.</exception>
    public void Commit()
    {
        ThrowIfNotWritable();
        FlushBuffer();
        _blockWriter?.Finish();
        RandomAccess.FlushToDisk(_handle);
        _handle.Dispose();
        File.Move(TempPath, Path, overwrite: true);
        _committed = true;
        AtomicFile.SyncDirectory(AtomicFile.ContainingDirectory(Path));
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            // The writer thread first: it may still be writing through the handle.
            _blockWriter?.Dispose();
            _handle.Dispose();
            if (!_committed)
            {
                TryDeleteTemp();
            }

            if (_buffer.Length != 0)
            {
                FileBuffers.Pool.Return(_buffer);
                _buffer = [];
            }
        }

        base.Dispose(disposing);
    }

    private void TryDeleteTemp()
    {
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: the original failure is the one to report; a stale temp is truncated by the next write.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: best effort.
        }
    }

    private void Reserve(int sizeHint)
    {
        ThrowIfNotWritable();
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _buffered >= needed)
        {
            return;
        }

        FlushBuffer();
        if (_buffer.Length < needed)
        {
            FileBuffers.Pool.Return(_buffer);
            _buffer = FileBuffers.Pool.Rent(needed);
        }
    }

    private void FlushBuffer()
    {
        if (_buffered == 0)
        {
            return;
        }

        if (_writeBehind && (_blockWriter is not null || _buffered == _buffer.Length))
        {
            // From the first full block on, blocks go to the writer thread (in order), the last partial one too.
            _blockWriter ??= new BlockWriter(_handle, _fileOffset);
            var full = _buffer;
            _buffer = []; // the writer owns it now, even if the exchange throws
            _buffer = _blockWriter.Exchange(full, _buffered);
            _fileOffset += _buffered;
            _buffered = 0;
            return;
        }

        WriteAt(_buffer.AsSpan(0, _buffered));
        _buffered = 0;
    }

    private void WriteAt(ReadOnlySpan<byte> bytes)
    {
        RandomAccess.Write(_handle, bytes, _fileOffset);
        _fileOffset += bytes.Length;
    }

    private void ThrowIfNotWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException($"{Path} is already committed.");
        }
    }
}
