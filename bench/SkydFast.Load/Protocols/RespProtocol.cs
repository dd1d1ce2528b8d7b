using System.Text;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Protocols;

/// <summary>
/// RESP2, as redis-benchmark speaks it: a batch is P commands (arrays of bulk strings) in one write, and the
/// replies come back one per command with no header.
/// </summary>
public sealed class RespProtocol : WireProtocol
{
    // A simple string, error or integer line longer than this is no reply to GET or SET.
    private const int MaxLineLength = 1024;

    private static readonly byte[] GetPrefix = Ascii($"*2\r\n$3\r\nGET\r\n${KeySpace.KeyLength}\r\n");
    private static readonly byte[] SetPrefix = Ascii($"*3\r\n$3\r\nSET\r\n${KeySpace.KeyLength}\r\n");
    private static readonly byte[] SetNxPrefix = Ascii($"*4\r\n$3\r\nSET\r\n${KeySpace.KeyLength}\r\n");

    private readonly byte[] _valueLine;
    private readonly byte[] _getReplyHeader;

    /// <summary>RESP requests and replies over <paramref name="keys"/>.</summary>
    public RespProtocol(KeySpace keys)
        : base(keys)
    {
        _valueLine = Ascii($"${keys.ValueLength}\r\n");
        _getReplyHeader = _valueLine;
    }

    /// <inheritdoc/>
    public override string Name => "resp";

    /// <inheritdoc/>
    public override int MaxHeaderLength => 0;

    /// <inheritdoc/>
    public override int MaxRequestLength => SetNxPrefix.Length + KeySpace.KeyLength + 2 + _valueLine.Length + Keys.ValueLength + 2 + "$2\r\nNX\r\n".Length;

    /// <inheritdoc/>
    public override int MaxReplyLength => _getReplyHeader.Length + Keys.ValueLength + 2;

    /// <inheritdoc/>
    public override int WriteBatchHeader(Span<byte> destination, int count) => 0;

    /// <inheritdoc/>
    public override int WriteRequest(Span<byte> destination, Operation operation, long key)
    {
        var prefix = operation switch
        {
            Operation.Get => GetPrefix,
            Operation.Set => SetNxPrefix,
            _ => SetPrefix,
        };
        prefix.CopyTo(destination);
        var length = prefix.Length;
        KeySpace.WriteKey(key, destination[length..]);
        length += KeySpace.KeyLength;
        "\r\n"u8.CopyTo(destination[length..]);
        length += 2;
        if (operation == Operation.Get)
        {
            return length;
        }

        _valueLine.CopyTo(destination[length..]);
        length += _valueLine.Length;
        Keys.WriteValue(key, operation == Operation.Prefill ? KeySpace.PrefillFill : KeySpace.WriteFill, destination[length..]);
        length += Keys.ValueLength;
        "\r\n"u8.CopyTo(destination[length..]);
        length += 2;
        if (operation == Operation.Set)
        {
            "$2\r\nNX\r\n"u8.CopyTo(destination[length..]);
            length += 8;
        }

        return length;
    }

    /// <inheritdoc/>
    public override ScanStatus ScanBatchHeader(ReadOnlySpan<byte> received, int count, out int end)
    {
        end = 0;
        return ScanStatus.Done;
    }

    /// <inheritdoc/>
    public override ScanStatus ScanElement(ReadOnlySpan<byte> received, int start, out int end)
    {
        // GET and SET answer a simple string (+), an error (-), an integer (:), a bulk string ($<len>, or $-1 for
        // null) or, under RESP3, a null (_). Arrays answer neither.
        end = start;
        var rest = received[start..];
        if (rest.IsEmpty)
        {
            return ScanStatus.NeedMore;
        }

        var type = rest[0];
        if (type is not ((byte)'+' or (byte)'-' or (byte)':' or (byte)'$' or (byte)'_'))
        {
            return ScanStatus.Malformed;
        }

        var lineEnd = rest.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            return rest.Length > MaxLineLength ? ScanStatus.Malformed : ScanStatus.NeedMore;
        }

        if (type != '$' || rest[1..lineEnd].SequenceEqual("-1"u8))
        {
            end = start + lineEnd + 2;
            return ScanStatus.Done;
        }

        if (!TryParseLength(rest[1..lineEnd], out var length))
        {
            return ScanStatus.Malformed;
        }

        var total = lineEnd + 2 + length + 2;
        if (rest.Length < total)
        {
            return ScanStatus.NeedMore;
        }

        if (!rest.Slice(total - 2, 2).SequenceEqual("\r\n"u8))
        {
            return ScanStatus.Malformed;
        }

        end = start + total;
        return ScanStatus.Done;
    }

    /// <inheritdoc/>
    public override bool IsExpected(ReadOnlySpan<byte> element, Operation operation, long key) => operation switch
    {
        Operation.Get => element.Length == _getReplyHeader.Length + Keys.ValueLength + 2
            && element.StartsWith(_getReplyHeader)
            && Keys.IsValue(key, element.Slice(_getReplyHeader.Length, Keys.ValueLength)),
        Operation.Set => element.SequenceEqual("$-1\r\n"u8),
        _ => element.SequenceEqual("+OK\r\n"u8),
    };

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
