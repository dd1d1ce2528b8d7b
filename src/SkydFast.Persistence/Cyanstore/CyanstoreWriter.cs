using System.Buffers.Binary;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Cyanstore;

/// <summary>
/// Buffers little-endian Cyanstore 1A fields into one pooled array and writes it to the stream when full, so
/// encoding an entry is a few memcpys and allocates nothing.
/// </summary>
internal sealed class CyanstoreWriter : IDisposable
{
    // 64 KiB: one write syscall per 64 KiB of small entries; payloads at least this large bypass the buffer.
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _pos;

    public CyanstoreWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _buffer = FileBuffers.Pool.Rent(BufferSize);
    }

    public void WriteByte(byte value)
    {
        if (_pos == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_pos++] = value;
    }

    public void WriteU64(ulong value)
    {
        if (_buffer.Length - _pos < sizeof(ulong))
        {
            FlushBuffer();
        }

        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_pos), value);
        _pos += sizeof(ulong);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _pos)
        {
            FlushBuffer();
            if (bytes.Length >= _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    /// <summary>Writes a length-prefixed name, one byte per char (names are ASCII; Latin-1 is the 1:1 superset).</summary>
    public void WriteName(string name, int maxLength, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > maxLength)
        {
            throw new ArgumentException($"{what} `{name}` is longer than {maxLength} bytes", nameof(name));
        }

        WriteU64((ulong)name.Length);
        Span<byte> bytes = stackalloc byte[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] > 0xFF)
            {
                throw new ArgumentException($"{what} `{name}` has a char that is not one byte", nameof(name));
            }

            bytes[i] = (byte)name[i];
        }

        Write(bytes);
    }

    /// <summary>Writes everything buffered to the stream and flushes it (the caller fsyncs).</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _pos = 0;
        if (buffer.Length > 0)
        {
            FileBuffers.Pool.Return(buffer);
        }
    }

    private void FlushBuffer()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_pos > 0)
        {
            _stream.Write(_buffer, 0, _pos);
            _pos = 0;
        }
    }
}
