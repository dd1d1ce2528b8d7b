using System.Text;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Protocols;

/// <summary>
/// Skyhash 1.x (shared/spec/skyhash-1.0.md): a batch is one packet, <c>*P\n</c> then P AnyArray queries; the reply is
/// <c>*P\n</c> then P elements in order. The default table <c>default:default</c> is <c>keymap(binstr,binstr)</c>,
/// so values come back as <c>?</c> strings.
/// </summary>
public sealed class SkyhashProtocol : WireProtocol
{
    // The digits of an element's length line: a value of at most 1 MiB needs 7, so 9 is already wrong.
    private const int MaxLengthDigits = 9;

    private static readonly byte[] GetPrefix = Ascii($"~2\n3\nGET\n{KeySpace.KeyLength}\n");
    private static readonly byte[] SetPrefix = Ascii($"~3\n3\nSET\n{KeySpace.KeyLength}\n");
    private static readonly byte[] UpdatePrefix = Ascii($"~3\n6\nUPDATE\n{KeySpace.KeyLength}\n");
    private static readonly byte[] USetPrefix = Ascii($"~3\n4\nUSET\n{KeySpace.KeyLength}\n");

    private readonly byte[] _valueLine;
    private readonly byte[] _getReplyHeader;

    /// <summary>Skyhash requests and replies over <paramref name="keys"/>.</summary>
    public SkyhashProtocol(KeySpace keys)
        : base(keys)
    {
        _valueLine = Ascii($"{keys.ValueLength}\n");
        _getReplyHeader = Ascii($"?{keys.ValueLength}\n");
    }

    /// <inheritdoc/>
    public override string Name => "skyhash";

    /// <inheritdoc/>
    public override int MaxHeaderLength => 12;

    /// <inheritdoc/>
    public override int MaxRequestLength => UpdatePrefix.Length + KeySpace.KeyLength + 1 + _valueLine.Length + Keys.ValueLength + 1;

    /// <inheritdoc/>
    public override int MaxReplyLength => _getReplyHeader.Length + Keys.ValueLength + 1;

    /// <inheritdoc/>
    public override int WriteBatchHeader(Span<byte> destination, int count)
    {
        destination[0] = (byte)'*';
        var length = 1 + WriteDecimal(destination[1..], count);
        destination[length] = (byte)'\n';
        return length + 1;
    }

    /// <inheritdoc/>
    public override int WriteRequest(Span<byte> destination, Operation operation, long key)
    {
        var prefix = operation switch
        {
            Operation.Get => GetPrefix,
            Operation.Set => SetPrefix,
            Operation.Update => UpdatePrefix,
            _ => USetPrefix,
        };
        prefix.CopyTo(destination);
        var length = prefix.Length;
        KeySpace.WriteKey(key, destination[length..]);
        length += KeySpace.KeyLength;
        destination[length++] = (byte)'\n';
        if (operation == Operation.Get)
        {
            return length;
        }

        _valueLine.CopyTo(destination[length..]);
        length += _valueLine.Length;
        Keys.WriteValue(key, operation == Operation.Prefill ? KeySpace.PrefillFill : KeySpace.WriteFill, destination[length..]);
        length += Keys.ValueLength;
        destination[length++] = (byte)'\n';
        return length;
    }

    /// <inheritdoc/>
    public override ScanStatus ScanBatchHeader(ReadOnlySpan<byte> received, int count, out int end)
    {
        // "*<count>\n"; anything else (the bare "!1\n7\n" of a parse failure, "*1\n" for a refused pipeline) means
        // the elements cannot be matched with the requests.
        end = 0;
        if (received.IsEmpty)
        {
            return ScanStatus.NeedMore;
        }

        if (received[0] != '*')
        {
            return ScanStatus.Malformed;
        }

        var newline = received.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return received.Length > 1 + MaxLengthDigits ? ScanStatus.Malformed : ScanStatus.NeedMore;
        }

        if (!TryParseLength(received[1..newline], out var declared) || declared != count)
        {
            return ScanStatus.Malformed;
        }

        end = newline + 1;
        return ScanStatus.Done;
    }

    /// <inheritdoc/>
    public override ScanStatus ScanElement(ReadOnlySpan<byte> received, int start, out int end)
    {
        // Every element a key/value action answers is "<tsymbol><len>\n<len bytes>\n": a string (+), binary
        // string (?), response code or error word (!), integer (:, len = digit count) or float (%). Arrays never
        // answer these queries.
        end = start;
        var rest = received[start..];
        if (rest.IsEmpty)
        {
            return ScanStatus.NeedMore;
        }

        if (rest[0] is not ((byte)'?' or (byte)'+' or (byte)'!' or (byte)':' or (byte)'%'))
        {
            return ScanStatus.Malformed;
        }

        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return rest.Length > 1 + MaxLengthDigits ? ScanStatus.Malformed : ScanStatus.NeedMore;
        }

        if (!TryParseLength(rest[1..newline], out var length))
        {
            return ScanStatus.Malformed;
        }

        var total = newline + 1 + length + 1;
        if (rest.Length < total)
        {
            return ScanStatus.NeedMore;
        }

        if (rest[total - 1] != '\n')
        {
            return ScanStatus.Malformed;
        }

        end = start + total;
        return ScanStatus.Done;
    }

    /// <inheritdoc/>
    public override bool IsExpected(ReadOnlySpan<byte> element, Operation operation, long key) => operation switch
    {
        Operation.Get => element.Length == _getReplyHeader.Length + Keys.ValueLength + 1
            && element.StartsWith(_getReplyHeader)
            && Keys.IsValue(key, element.Slice(_getReplyHeader.Length, Keys.ValueLength)),
        Operation.Set => element.SequenceEqual("!1\n2\n"u8),
        Operation.Update => element.SequenceEqual("!1\n0\n"u8),
        _ => element.SequenceEqual(":1\n1\n"u8),
    };

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
