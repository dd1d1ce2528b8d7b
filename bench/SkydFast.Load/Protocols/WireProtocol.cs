using System.Buffers.Text;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Protocols;

/// <summary>Where a scan of received reply bytes stands.</summary>
public enum ScanStatus
{
    /// <summary>The bytes so far are a correct beginning; wait for more.</summary>
    NeedMore,

    /// <summary>A whole header or element ends at the returned position.</summary>
    Done,

    /// <summary>Not a reply this protocol can frame: the connection's stream cannot be followed any more.</summary>
    Malformed,
}

/// <summary>The protocols the load generator speaks.</summary>
public enum ProtocolKind
{
    /// <summary>Skytable's Skyhash 1.x (skyd-fast, skyd).</summary>
    Skyhash,

    /// <summary>Redis's RESP2 (Redis, Garnet).</summary>
    Resp,
}

/// <summary>
/// A protocol's requests and replies for the load generator: encoders that write a batch's bytes into a connection's
/// preallocated buffer, and a scanner that frames and checks the replies in place, without allocating. A batch of
/// requests goes out as one write: one Skyhash pipeline packet (<c>*P</c> header), or P RESP commands back to back.
/// </summary>
public abstract class WireProtocol
{
    /// <summary>The encoders and checks for <paramref name="keys"/>.</summary>
    protected WireProtocol(KeySpace keys) => Keys = keys;

    /// <summary>The key space whose values the replies are checked against.</summary>
    public KeySpace Keys { get; }

    /// <summary>The protocol's name in results (<c>skyhash</c>, <c>resp</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The most bytes <see cref="WriteBatchHeader"/> writes.</summary>
    public abstract int MaxHeaderLength { get; }

    /// <summary>The most bytes <see cref="WriteRequest"/> writes.</summary>
    public abstract int MaxRequestLength { get; }

    /// <summary>The most bytes a right reply to one request takes (a GET's value with its framing).</summary>
    public abstract int MaxReplyLength { get; }

    /// <summary>The protocol <paramref name="kind"/> over <paramref name="keys"/>.</summary>
    public static WireProtocol Create(ProtocolKind kind, KeySpace keys) => kind switch
    {
        ProtocolKind.Skyhash => new SkyhashProtocol(keys),
        ProtocolKind.Resp => new RespProtocol(keys),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Writes what precedes a batch of <paramref name="count"/> requests; returns its length.</summary>
    public abstract int WriteBatchHeader(Span<byte> destination, int count);

    /// <summary>Writes one request; returns its length. Writes carry the value of <paramref name="key"/> with
    /// <see cref="KeySpace.WriteFill"/>, prefills with <see cref="KeySpace.PrefillFill"/>.</summary>
    public abstract int WriteRequest(Span<byte> destination, Operation operation, long key);

    /// <summary>Frames the reply header of a batch of <paramref name="count"/> at the start of
    /// <paramref name="received"/>; <paramref name="end"/> is where the first element starts.</summary>
    public abstract ScanStatus ScanBatchHeader(ReadOnlySpan<byte> received, int count, out int end);

    /// <summary>Frames one reply element starting at <paramref name="start"/>; <paramref name="end"/> is the position
    /// after it when <see cref="ScanStatus.Done"/>.</summary>
    public abstract ScanStatus ScanElement(ReadOnlySpan<byte> received, int start, out int end);

    /// <summary>Whether <paramref name="element"/> (as framed by <see cref="ScanElement"/>) is exactly the right reply
    /// to <paramref name="operation"/> on <paramref name="key"/>.</summary>
    public abstract bool IsExpected(ReadOnlySpan<byte> element, Operation operation, long key);

    /// <summary>Parses the unsigned decimal of a length line; false when it is empty, not digits, or too large for
    /// an int.</summary>
    protected static bool TryParseLength(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }

        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }

    /// <summary>Writes <paramref name="value"/> in decimal; returns the digit count.</summary>
    protected static int WriteDecimal(Span<byte> destination, int value) =>
        Utf8Formatter.TryFormat(value, destination, out var written) ? written : throw new ArgumentException("no room for the digits", nameof(destination));
}
