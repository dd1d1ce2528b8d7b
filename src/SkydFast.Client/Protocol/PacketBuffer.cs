using System.Buffers;
using System.Globalization;
using System.Text;

namespace SkydFast.Client.Protocol;

/// <summary>
/// A growable byte buffer that writes query packets as every 0.7 client does (skyhash-1.0.md §3): headers
/// (<c>*n\n</c>, <c>~n\n</c>) and items (<c>&lt;len&gt;\n&lt;bytes&gt;\n</c>). Strings are encoded to UTF-8 straight
/// into it and numbers formatted in place, so building a query allocates nothing but the buffer's growth.
/// </summary>
internal sealed class PacketBuffer
{
    // A header or length is at most a symbol, 20 digits and a line feed.
    private const int MaxHeader = 22;

    private readonly bool _pooled;
    private readonly int _initialSize;
    private byte[] _buffer;
    private int _length;

    /// <summary>A buffer of <paramref name="initialSize"/> bytes, rented from the shared pool when
    /// <paramref name="pooled"/> (then <see cref="Release"/> gives it back).</summary>
    public PacketBuffer(int initialSize, bool pooled)
    {
        _pooled = pooled;
        _initialSize = initialSize;
        _buffer = pooled ? ArrayPool<byte>.Shared.Rent(initialSize) : new byte[initialSize];
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Empties the buffer; a pooled buffer grown past 1 MiB goes back to the pool, so one large query does not
    /// pin its memory for the life of the connection.</summary>
    public void Clear()
    {
        _length = 0;
        if (_pooled && _buffer.Length > 1024 * 1024)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(_initialSize);
        }
    }

    /// <summary>Writes <c>&lt;symbol&gt;&lt;count&gt;\n</c>.</summary>
    public void WriteHeader(byte symbol, long count)
    {
        Ensure(MaxHeader);
        _buffer[_length++] = symbol;
        WriteNumberLine((ulong)count);
    }

    /// <summary>Writes one item: its length, a line feed, the bytes and a line feed.</summary>
    public void WriteItem(ReadOnlySpan<byte> bytes)
    {
        Ensure(MaxHeader + bytes.Length);
        WriteNumberLine((ulong)bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Writes one item holding <paramref name="text"/> in UTF-8.</summary>
    public void WriteItem(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        Ensure(MaxHeader + count);
        WriteNumberLine((ulong)count);
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Writes one item holding <paramref name="number"/> in decimal ASCII.</summary>
    public void WriteItem(ulong number)
    {
        Span<byte> digits = stackalloc byte[20];
        number.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        WriteItem(digits[..count]);
    }

    /// <summary>Appends bytes as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Gives a pooled buffer back; the buffer must not be used afterwards.</summary>
    public void Release()
    {
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }

    private void WriteNumberLine(ulong number)
    {
        number.TryFormat(_buffer.AsSpan(_length), out var count, default, CultureInfo.InvariantCulture);
        _length += count;
        _buffer[_length++] = (byte)'\n';
    }

    private void Ensure(int more)
    {
        if (_buffer.Length - _length >= more)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_length + more));
        var grown = _pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        _buffer.AsSpan(0, _length).CopyTo(grown);
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}
