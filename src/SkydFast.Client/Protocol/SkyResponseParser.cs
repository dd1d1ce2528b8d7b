using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SkydFast.Client.Protocol;

/// <summary>
/// Parses one Skyhash response packet (skyhash-1.0.md §6): <c>*&lt;n&gt;\n</c> then n elements of any response type,
/// nested arrays included. It is strict: anything the grammar does not allow throws <see cref="SkyProtocolException"/>
/// at once, so a malformed reply is an error and never a wait for bytes that will not come. It is also resumable: call
/// <see cref="Advance"/> with the bytes received so far (always from the packet's first byte) and again with more;
/// each call continues where the last one stopped, so a reply that arrives in many pieces is still read once.
/// </summary>
public sealed class SkyResponseParser
{
    /// <summary>The default largest reply: 256 MiB.</summary>
    public const int DefaultMaxResponseBytes = 256 * 1024 * 1024;

    // Arrays nest through a list, not the call stack; the cap only stops a hostile reply from growing it without end.
    private const int MaxDepth = 64;

    // 20 digits hold any u64; a longer number is malformed, not a reason to wait for more bytes.
    private const int MaxDigits = 20;

    private readonly int _maxResponseBytes;
    private readonly List<Frame> _frames = [];
    private readonly List<SkyElement> _results = [];
    private long _expected = -1;
    private int _position;
    private int _needed = 1;

    /// <summary>A parser that refuses replies larger than <paramref name="maxResponseBytes"/>.</summary>
    public SkyResponseParser(int maxResponseBytes = DefaultMaxResponseBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseBytes, 16);
        _maxResponseBytes = maxResponseBytes;
    }

    /// <summary>After <see cref="Advance"/> returned true: the length of the packet, in bytes.</summary>
    public int Consumed => _position;

    /// <summary>After <see cref="Advance"/> returned false: how many bytes (from the packet's start) the parser needs
    /// before it can make progress; a long value makes this its full length, so the caller can read it in one go.</summary>
    public int MinimumLength => _needed;

    /// <summary>Forgets any packet in progress, to parse a new one.</summary>
    public void Reset()
    {
        _frames.Clear();
        _results.Clear();
        _expected = -1;
        _position = 0;
        _needed = 1;
    }

    /// <summary>
    /// Continues parsing <paramref name="data"/>, which holds the packet received so far from its first byte (the same
    /// bytes as in the previous call, plus any new ones). True, with the packet's elements, once it is complete; false
    /// when more bytes are needed (<see cref="MinimumLength"/>). Throws <see cref="SkyProtocolException"/> when the
    /// bytes are not a valid reply. Bytes after the packet are left alone (<see cref="Consumed"/>).
    /// </summary>
    public bool Advance(ReadOnlySpan<byte> data, [NotNullWhen(true)] out IReadOnlyList<SkyElement>? elements)
    {
        elements = null;
        if (_expected < 0)
        {
            if (data.IsEmpty)
            {
                return NeedMore(1);
            }

            if (data[0] != (byte)'*')
            {
                throw Malformed(0, $"a reply starts with '*', not {Show(data[0])}");
            }

            if (!TryReadNumber(data, 1, out var count, out var next))
            {
                return false;
            }

            if (count == 0)
            {
                throw Malformed(1, "a reply holds at least one element");
            }

            _expected = (long)Math.Min(count, (ulong)_maxResponseBytes);
            _position = next;
        }

        while (true)
        {
            if (_frames.Count == 0 && _results.Count == _expected)
            {
                elements = [.. _results];
                _results.Clear();
                return true;
            }

            if (_frames.Count > 0)
            {
                ref var top = ref CollectionsMarshal.AsSpan(_frames)[^1];
                if (top.Remaining == 0)
                {
                    var finished = top.Close();
                    _frames.RemoveAt(_frames.Count - 1);
                    Add(finished);
                    continue;
                }

                if (top.Values is not null)
                {
                    if (!TryReadEntry(data, _position, top.Binary, top.NonNull, out var value, out var afterEntry))
                    {
                        return false;
                    }

                    top.Values.Add(value);
                    top.Remaining--;
                    _position = afterEntry;
                    continue;
                }
            }

            if (!TryReadElement(data, _position, out var element, out var after))
            {
                return false;
            }

            _position = after;
            if (element is not null)
            {
                Add(element);
            }
        }
    }

    /// <summary>
    /// Parses a whole packet held in <paramref name="data"/>: true with its elements and length, false when the bytes
    /// end before the packet does. Throws <see cref="SkyProtocolException"/> when they are not a valid reply.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out IReadOnlyList<SkyElement>? elements, out int consumed)
    {
        var parser = new SkyResponseParser();
        var complete = parser.Advance(data, out elements);
        consumed = complete ? parser.Consumed : 0;
        return complete;
    }

    /// <summary>Parses exactly one packet: throws <see cref="SkyProtocolException"/> if it is malformed, truncated or
    /// followed by other bytes.</summary>
    public static IReadOnlyList<SkyElement> Parse(ReadOnlySpan<byte> packet)
    {
        if (!TryParse(packet, out var elements, out var consumed))
        {
            throw new SkyProtocolException($"truncated reply: {packet.Length} bytes end inside the packet");
        }

        if (consumed != packet.Length)
        {
            throw new SkyProtocolException($"malformed reply at byte {consumed}: {packet.Length - consumed} bytes after the packet");
        }

        return elements;
    }

    private void Add(SkyElement element)
    {
        if (_frames.Count == 0)
        {
            _results.Add(element);
            return;
        }

        ref var top = ref CollectionsMarshal.AsSpan(_frames)[^1];
        top.Elements!.Add(element);
        top.Remaining--;
    }

    /// <summary>Reads one element at <paramref name="at"/>: a scalar comes back whole; an array header opens a frame
    /// and comes back as null, its entries follow.</summary>
    private bool TryReadElement(ReadOnlySpan<byte> data, int at, out SkyElement? element, out int next)
    {
        element = null;
        next = 0;
        if (at >= data.Length)
        {
            return NeedMore(at + 1);
        }

        var symbol = data[at];
        var inFlat = _frames.Count > 0 && _frames[^1].Symbol == (byte)'_';
        switch (symbol)
        {
            case (byte)'+' or (byte)'?' or (byte)'!' or (byte)'%' or (byte)':':
                if (!TryReadPayload(data, at + 1, out var payload, out next))
                {
                    return false;
                }

                element = symbol switch
                {
                    (byte)'+' or (byte)'?' => new SkyValue(payload.ToArray(), symbol == (byte)'?'),
                    (byte)'!' => ToCodeOrError(payload, at),
                    (byte)'%' => ToFloat(payload, at),
                    _ => ToInteger(payload, at),
                };
                return true;

            case (byte)'&' or (byte)'_' or (byte)'@' or (byte)'^':
                if (inFlat)
                {
                    throw Malformed(at, $"a flat array cannot hold an array ({Show(symbol)})");
                }

                var typed = symbol is (byte)'@' or (byte)'^';
                var countAt = at + 1;
                var binary = false;
                if (typed)
                {
                    if (countAt >= data.Length)
                    {
                        return NeedMore(countAt + 1);
                    }

                    binary = data[countAt] switch
                    {
                        (byte)'+' => false,
                        (byte)'?' => true,
                        var other => throw Malformed(countAt, $"a typed array holds '+' or '?' entries, not {Show(other)}"),
                    };
                    countAt++;
                }

                if (!TryReadNumber(data, countAt, out var count, out next))
                {
                    return false;
                }

                if (_frames.Count >= MaxDepth)
                {
                    throw Malformed(at, $"arrays nested deeper than {MaxDepth}");
                }

                // The count is the sender's word: nothing is reserved from it, the lists grow with the entries read.
                _frames.Add(new Frame
                {
                    Symbol = symbol,
                    Binary = binary,
                    NonNull = symbol == (byte)'^',
                    Remaining = (long)Math.Min(count, (ulong)_maxResponseBytes),
                    Elements = typed ? null : [],
                    Values = typed ? [] : null,
                });
                return true;

            default:
                throw Malformed(at, $"unknown type symbol {Show(symbol)}");
        }
    }

    /// <summary>Reads one typed-array entry: <c>&lt;len&gt;\n&lt;bytes&gt;\n</c>, or <c>\0\n</c> for null.</summary>
    private bool TryReadEntry(ReadOnlySpan<byte> data, int at, bool binary, bool nonNull, out SkyValue? value, out int next)
    {
        value = null;
        next = 0;
        if (at >= data.Length)
        {
            return NeedMore(at + 1);
        }

        if (data[at] == 0)
        {
            if (at + 1 >= data.Length)
            {
                return NeedMore(at + 2);
            }

            if (data[at + 1] != (byte)'\n')
            {
                throw Malformed(at + 1, $"a null entry is \\0 then a line feed, not {Show(data[at + 1])}");
            }

            if (nonNull)
            {
                throw Malformed(at, "a null entry in a non-null typed array ('^')");
            }

            next = at + 2;
            return true;
        }

        if (!TryReadPayload(data, at, out var payload, out next))
        {
            return false;
        }

        value = new SkyValue(payload.ToArray(), binary);
        return true;
    }

    /// <summary>Reads <c>&lt;len&gt;\n&lt;len bytes&gt;\n</c> starting at the length's first digit.</summary>
    private bool TryReadPayload(ReadOnlySpan<byte> data, int at, out ReadOnlySpan<byte> payload, out int next)
    {
        payload = default;
        next = 0;
        if (!TryReadNumber(data, at, out var length, out var start))
        {
            return false;
        }

        var end = start + (long)Math.Min(length, (ulong)_maxResponseBytes + 1);
        if (end >= data.Length)
        {
            return NeedMore(end + 1);
        }

        if (data[(int)end] != (byte)'\n')
        {
            throw Malformed((int)end, $"{length} bytes of data must be followed by a line feed, not {Show(data[(int)end])}");
        }

        payload = data[start..(int)end];
        next = (int)end + 1;
        return true;
    }

    /// <summary>Reads ASCII digits up to a line feed. False, with <see cref="MinimumLength"/> set, when the line has not
    /// ended yet; throws for an empty line, a non-digit, more than 20 digits or a value above 2^64-1.</summary>
    private bool TryReadNumber(ReadOnlySpan<byte> data, int at, out ulong value, out int next)
    {
        value = 0;
        next = 0;
        for (var i = at; i < data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'\n')
            {
                if (i == at)
                {
                    throw Malformed(i, "a length or count has no digits");
                }

                next = i + 1;
                return true;
            }

            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                throw Malformed(i, $"{Show(b)} in a length or count");
            }

            if (i - at >= MaxDigits || value > (ulong.MaxValue - digit) / 10)
            {
                throw Malformed(i, "a length or count above 2^64-1");
            }

            value = (value * 10) + digit;
        }

        return NeedMore((long)data.Length + 1);
    }

    private bool NeedMore(long length)
    {
        if (length > _maxResponseBytes)
        {
            throw new SkyProtocolException($"reply larger than the {_maxResponseBytes}-byte limit");
        }

        _needed = (int)length;
        return false;
    }

    private static SkyElement ToCodeOrError(ReadOnlySpan<byte> payload, int at)
    {
        if (payload.IsEmpty)
        {
            throw Malformed(at, "an empty response code");
        }

        if (payload.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return new SkyErrorString(Encoding.UTF8.GetString(payload));
        }

        if (payload.Length > 9)
        {
            throw Malformed(at, "a response code above 999999999");
        }

        return new SkyCode((SkyResponseCode)int.Parse(payload, CultureInfo.InvariantCulture));
    }

    private static SkyInteger ToInteger(ReadOnlySpan<byte> payload, int at) =>
        payload.Length is > 0 and <= MaxDigits && payload.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && ulong.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new SkyInteger(value)
            : throw Malformed(at, "an integer is 1 to 20 digits up to 18446744073709551615");

    private static SkyFloat ToFloat(ReadOnlySpan<byte> payload, int at)
    {
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return float.TryParse(payload, style, CultureInfo.InvariantCulture, out var value)
            ? new SkyFloat(value, Encoding.ASCII.GetString(payload))
            : throw Malformed(at, "a float that does not parse");
    }

    private static SkyProtocolException Malformed(int offset, string reason) => new($"malformed reply at byte {offset}: {reason}");

    private static string Show(byte b) => b is >= 0x21 and < 0x7f ? $"'{(char)b}'" : $"0x{b:x2}";

    /// <summary>An array being read: what kind, how many entries are still to come, and those read so far.</summary>
    private struct Frame
    {
        public byte Symbol;
        public bool Binary;
        public bool NonNull;
        public long Remaining;
        public List<SkyElement>? Elements;
        public List<SkyValue?>? Values;

        public readonly SkyElement Close() => Values is not null
            ? new SkyTypedArray([.. Values], Binary, NonNull)
            : new SkyArray([.. Elements!], Symbol == (byte)'_');
    }
}
