using System.Buffers;
using System.Buffers.Text;

namespace SkydFast.Protocol.Responses;

/// <summary>
/// Encodes response elements (skyhash-1.0.md §6) into an <see cref="IBufferWriter{T}"/>, normally the
/// connection's output pipe. One instance per connection; it allocates nothing per response.
/// </summary>
public sealed class ResponseWriter
{
    /// <summary>Type symbol of a <c>str</c> value.</summary>
    public const byte StringSymbol = (byte)'+';

    /// <summary>Type symbol of a <c>binstr</c> value.</summary>
    public const byte BinarySymbol = (byte)'?';

    // The longest header: a symbol, a type symbol, 20 digits of a u64, a line feed.
    private const int MaxHeader = 24;

    private IBufferWriter<byte> _output;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public ResponseWriter(IBufferWriter<byte> output) => _output = output;

    /// <summary>Points the writer at another output (a reused connection state).</summary>
    public void Reset(IBufferWriter<byte> output) => _output = output;

    /// <summary>Responses written so far that were an error: a code from 3 up or an error string (the metrics).</summary>
    public long ErrorResponses { get; private set; }

    /// <summary>Copies pre-encoded bytes, such as an entry of <see cref="Responses"/>.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        // Every code and error string is a '!' element, and only Okay, Nil and Overwrite (codes 0-2) are no error:
        // a byte or two per raw response, never a lookup.
        if (bytes.Length > 0 && bytes[0] == (byte)'!' && !(bytes.Length == 5 && bytes[1] == (byte)'1' && bytes[3] <= (byte)'2'))
        {
            ErrorResponses++;
        }

        Copy(bytes);
    }

    /// <summary>Copies a whole pre-encoded packet that answers a packet that did not parse (counted apart from
    /// <see cref="ErrorResponses"/>, as a protocol error).</summary>
    public void WriteProtocolError(ReadOnlySpan<byte> packet) => Copy(packet);

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        var span = _output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        _output.Advance(bytes.Length);
    }

    /// <summary><c>*n\n</c>: the metaframe of a response packet.</summary>
    public void WriteMetaframe(int count) => WriteHeader((byte)'*', 0, (ulong)count);

    /// <summary><c>+len\nbytes\n</c>.</summary>
    public void WriteString(ReadOnlySpan<byte> value) => WriteBlob(StringSymbol, value);

    /// <summary>A stored value with its table's type symbol (<see cref="StringSymbol"/> or <see cref="BinarySymbol"/>).</summary>
    public void WriteValue(byte tsymbol, ReadOnlySpan<byte> value) => WriteBlob(tsymbol, value);

    /// <summary><c>:d\ndigits\n</c>.</summary>
    public void WriteUnsigned(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var n);
        WriteHeader((byte)':', 0, (ulong)n);
        WriteRaw(digits[..n]);
        WriteLineFeed();
    }

    /// <summary><c>%len\ntext\n</c>, with <paramref name="text"/> already in shortest round-trip form.</summary>
    public void WriteFloat(ReadOnlySpan<byte> text) => WriteBlob((byte)'%', text);

    /// <summary><c>@t k\n</c>: a typed array that may hold nulls.</summary>
    public void WriteTypedArrayHeader(byte tsymbol, int count) => WriteHeader((byte)'@', tsymbol, (ulong)count);

    /// <summary><c>^t k\n</c>: a typed array without nulls.</summary>
    public void WriteNonNullArrayHeader(byte tsymbol, int count) => WriteHeader((byte)'^', tsymbol, (ulong)count);

    /// <summary>One entry of a typed array: <c>len\nbytes\n</c>.</summary>
    public void WriteArrayEntry(ReadOnlySpan<byte> value)
    {
        var span = _output.GetSpan(MaxHeader + value.Length + 1);
        Utf8Formatter.TryFormat(value.Length, span, out var n);
        span[n++] = (byte)'\n';
        value.CopyTo(span[n..]);
        n += value.Length;
        span[n++] = (byte)'\n';
        _output.Advance(n);
    }

    /// <summary>The null entry of a typed array: <c>\0\n</c>.</summary>
    public void WriteArrayNull() => WriteRaw("\0\n"u8);

    private void WriteBlob(byte tsymbol, ReadOnlySpan<byte> value)
    {
        var span = _output.GetSpan(MaxHeader + value.Length + 1);
        span[0] = tsymbol;
        Utf8Formatter.TryFormat(value.Length, span[1..], out var n);
        n++;
        span[n++] = (byte)'\n';
        value.CopyTo(span[n..]);
        n += value.Length;
        span[n++] = (byte)'\n';
        _output.Advance(n);
    }

    private void WriteHeader(byte symbol, byte tsymbol, ulong count)
    {
        var span = _output.GetSpan(MaxHeader);
        var n = 0;
        span[n++] = symbol;
        if (tsymbol != 0)
        {
            span[n++] = tsymbol;
        }

        Utf8Formatter.TryFormat(count, span[n..], out var written);
        n += written;
        span[n++] = (byte)'\n';
        _output.Advance(n);
    }

    private void WriteLineFeed()
    {
        var span = _output.GetSpan(1);
        span[0] = (byte)'\n';
        _output.Advance(1);
    }
}
