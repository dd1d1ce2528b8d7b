using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SkydFast.Persistence.Cyanstore;

/// <summary>
/// A buffered, strict reader over one Cyanstore 1A file. It tracks the absolute offset (files may exceed 2 GB,
/// so nothing requires the whole file in one array) and turns every structural fault into a
/// <see cref="CyanstoreFormatException"/> naming the file, the offset and the field. Declared lengths never
/// allocate ahead of the data: a bogus length fails at the end of the file, not with an out-of-memory error.
/// </summary>
internal sealed class CyanstoreReader : IDisposable
{
    // 64 KiB: large enough that small entries cost one memcpy, small enough to stay out of the LOH.
    private const int BufferSize = 64 * 1024;

    // A length the stream cannot confirm (not seekable) grows its array from this size as bytes arrive, so a
    // forged length costs at most twice the bytes actually present.
    private const int UnconfirmedChunk = 64 * 1024;

    private readonly Stream _stream;
    private readonly string _path;

    // Bytes from where reading started to the end of a seekable stream, taken once (FileStream.Length can be a
    // syscall; the file does not change while it loads); -1 when the stream cannot tell.
    private readonly long _length;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferStart;
    private byte[] _scratch = [];
    private bool _bigEndian;

    // Context of the field being read, for error reasons only (string literals: setting them costs nothing).
    private string? _entryKind;
    private ulong _entry;
    private ulong _entryCount;
    private ulong _element;
    private ulong _elementCount;
    private bool _inElement;

    public CyanstoreReader(Stream stream, string path, CyanstoreByteOrder order)
    {
        _stream = stream;
        _path = path;
        _bigEndian = order == CyanstoreByteOrder.BigEndian;
        _length = stream.CanSeek ? stream.Length - stream.Position : -1;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>The offset of the next byte to read, counted from the stream's position when reading started.</summary>
    public long Offset => _bufferStart + _pos;

    /// <summary>Bytes left to read in a seekable stream; -1 when the stream cannot tell.</summary>
    public long Remaining => _length < 0 ? -1 : _length - Offset;

    public CyanstoreByteOrder ByteOrder
    {
        set => _bigEndian = value == CyanstoreByteOrder.BigEndian;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Sets the entry that following fields belong to (for error reasons).</summary>
    public void SetEntry(string kind, ulong index, ulong count)
    {
        _entryKind = kind;
        _entry = index;
        _entryCount = count;
        _inElement = false;
    }

    /// <summary>Sets the list element that following fields belong to (for error reasons).</summary>
    public void SetElement(ulong index, ulong count)
    {
        _element = index;
        _elementCount = count;
        _inElement = true;
    }

    public void ClearContext()
    {
        _entryKind = null;
        _inElement = false;
    }

    /// <summary>Buffers up to <paramref name="count"/> bytes (at most the buffer size); returns how many are there.</summary>
    public int Prefetch(int count) => Fill(Math.Min(count, BufferSize));

    public byte ReadByte(string field)
    {
        if (_pos == _end && Fill(1) == 0)
        {
            throw Truncated(field, 1, 0);
        }

        return _buffer[_pos++];
    }

    public ulong ReadU64(string field)
    {
        if (_end - _pos < sizeof(ulong))
        {
            var present = Fill(sizeof(ulong));
            if (present < sizeof(ulong))
            {
                throw Truncated(field, sizeof(ulong), (ulong)present);
            }
        }

        var bytes = _buffer.AsSpan(_pos, sizeof(ulong));
        _pos += sizeof(ulong);
        return _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    /// <summary>Reads <paramref name="length"/> bytes into a new array (a value that will be stored).</summary>
    public byte[] ReadBytes(ulong length, string field)
    {
        if (length == 0)
        {
            return [];
        }

        if (length <= (ulong)(_end - _pos))
        {
            // The common case: the whole value is buffered; one exact allocation and one copy.
            var value = _buffer.AsSpan(_pos, (int)length).ToArray();
            _pos += (int)length;
            return value;
        }

        var size = CheckLength(length, field);
        var target = new byte[Confirmed(size) ? size : Math.Min(size, UnconfirmedChunk)];
        ReadGrowing(ref target, size, field);
        return target;
    }

    /// <summary>
    /// Reads <paramref name="length"/> bytes into a reused scratch array (a key the store copies, a name); the span
    /// is valid until the next scratch read. Not a span of the read buffer: the next field's read may move it.
    /// </summary>
    public ReadOnlySpan<byte> ReadScratch(ulong length, string field)
    {
        if (length == 0)
        {
            return [];
        }

        var size = CheckLength(length, field);
        if (_scratch.Length < size)
        {
            var initial = Confirmed(size) ? size : Math.Min(size, Math.Max(_scratch.Length, UnconfirmedChunk));
            if (_scratch.Length < initial)
            {
                _scratch = new byte[initial];
            }
        }

        ReadGrowing(ref _scratch, size, field);
        return _scratch.AsSpan(0, size);
    }

    /// <summary>Reads a name of at most <see cref="CyanstoreLimits.MaxNameLength"/> bytes, one char per byte.</summary>
    public string ReadName(string lengthField, string field, int maxLength)
    {
        var start = Offset;
        var length = ReadU64(lengthField);
        if (length > (ulong)maxLength)
        {
            throw Corrupted(start, $"{Describe(lengthField)} is {length}, more than the limit of {maxLength}");
        }

        // Names are ASCII when created; Latin-1 keeps any other byte one char, as the store's lookups expect.
        return Encoding.Latin1.GetString(ReadScratch(length, field));
    }

    /// <summary>Fails unless the file ends here.</summary>
    public void ExpectEnd(ulong declaredEntries)
    {
        var start = Offset;
        var trailing = CountRemaining();
        if (trailing > 0)
        {
            var unit = trailing == 1 ? "byte" : "bytes";
            throw Corrupted(start, $"{trailing} {unit} after the last of {declaredEntries} declared entries");
        }
    }

    public CyanstoreFormatException Corrupted(long offset, string reason) =>
        new(CyanstoreErrorKind.Corrupted, _path, offset, reason);

    public CyanstoreFormatException BadMetadata(long offset, string reason) =>
        new(CyanstoreErrorKind.BadMetadata, _path, offset, reason);

    public string Describe(string field)
    {
        if (_entryKind is null)
        {
            return field;
        }

        var element = _inElement ? $" of element {_element + 1} of {_elementCount}" : "";
        return $"{field}{element} of {_entryKind} {_entry + 1} of {_entryCount}";
    }

    private CyanstoreFormatException Truncated(string field, ulong needed, ulong present) =>
        Corrupted(Offset, $"{Describe(field)} needs {needed} bytes, the file ends after {present}");

    private int CheckLength(ulong length, string field)
    {
        var remaining = KnownRemaining();
        if (remaining >= 0 && length > (ulong)remaining)
        {
            throw Truncated(field, length, (ulong)remaining);
        }

        if (length > (ulong)Array.MaxLength)
        {
            throw Corrupted(Offset, $"{Describe(field)} declares {length} bytes, more than one value can hold");
        }

        return (int)length;
    }

    // Whether the stream's length proves that `size` more bytes exist, so the array can be allocated at once.
    private bool Confirmed(int size)
    {
        var remaining = KnownRemaining();
        return remaining >= size;
    }

    private long KnownRemaining() => _length < 0 ? -1 : Math.Max(0, _length - Offset);

    private void ReadGrowing(ref byte[] target, int size, string field)
    {
        var start = Offset;
        var filled = 0;
        while (filled < size)
        {
            if (filled == target.Length)
            {
                // Only reached while target.Length < size: grows toward, and never beyond, the declared size.
                Array.Resize(ref target, (int)Math.Min(size, Math.Max(2L * target.Length, UnconfirmedChunk)));
            }

            var read = ReadSome(target.AsSpan(filled, Math.Min(target.Length, size) - filled));
            if (read == 0)
            {
                throw Corrupted(start, $"{Describe(field)} needs {size} bytes, the file ends after {filled}");
            }

            filled += read;
        }
    }

    private int ReadSome(Span<byte> destination)
    {
        if (_pos < _end)
        {
            var count = Math.Min(destination.Length, _end - _pos);
            _buffer.AsSpan(_pos, count).CopyTo(destination);
            _pos += count;
            return count;
        }

        _bufferStart += _pos;
        _pos = 0;
        _end = 0;
        if (destination.Length >= BufferSize)
        {
            // Large payloads skip the buffer: one copy instead of two.
            var direct = _stream.Read(destination);
            _bufferStart += direct;
            return direct;
        }

        return Fill(1) == 0 ? 0 : ReadSome(destination);
    }

    // Makes at least `count` bytes available unless the stream ends first; returns how many are available.
    private int Fill(int count)
    {
        if (_end - _pos >= count)
        {
            return _end - _pos;
        }

        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _bufferStart += _pos;
            _end -= _pos;
            _pos = 0;
        }

        while (_end < count)
        {
            var read = _stream.Read(_buffer.AsSpan(_end));
            if (read == 0)
            {
                break;
            }

            _end += read;
        }

        return _end;
    }

    private long CountRemaining()
    {
        var remaining = KnownRemaining();
        if (remaining >= 0)
        {
            return remaining;
        }

        long count = _end - _pos;
        _bufferStart += _end;
        _pos = 0;
        _end = 0;
        int read;
        while ((read = _stream.Read(_buffer)) > 0)
        {
            count += read;
        }

        return count;
    }
}
