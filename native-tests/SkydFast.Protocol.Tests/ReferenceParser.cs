using SkydFast.Protocol.Skyhash;

namespace SkydFast.Protocol.Tests;

/// <summary>
/// skyhash-1.0.md §4 transcribed step by step, recursively and without any care for speed, with DECISIONS.md 2
/// and 4 applied: the oracle the fuzzer compares the real parser with. Errors travel as exceptions here.
/// </summary>
public sealed class ReferenceParser
{
    private readonly byte[] _buf;
    private readonly ParserLimits _limits;
    private int _pos;

    private ReferenceParser(byte[] buffer, ParserLimits limits)
    {
        _buf = buffer;
        _limits = limits;
    }

    /// <summary>
    /// The outcome, the bytes consumed, the needed hint of a NotEnough, and the items of each AnyArray stage
    /// (null for the other stages).
    /// </summary>
    public static (ParseStatus Status, int Consumed, long Needed, List<List<(int Offset, int Length)>?> Stages) Parse(byte[] buffer, ParserLimits limits)
    {
        var parser = new ReferenceParser(buffer, limits);
        try
        {
            var stages = parser.Packet();
            return parser._pos > limits.MaxQuerySize ? (ParseStatus.BadPacket, 0, 0, []) : (ParseStatus.Complete, parser._pos, 0, stages);
        }
        catch (Outcome outcome)
        {
            // An incomplete packet may not grow past the limit.
            return outcome.Status == ParseStatus.NotEnough && outcome.Needed > limits.MaxQuerySize
                ? (ParseStatus.BadPacket, 0, 0, [])
                : (outcome.Status, 0, outcome.Needed, []);
        }
    }

    private List<List<(int, int)>?> Packet()
    {
        if (_buf.Length < 3)
        {
            throw Outcome.NotEnough(3);
        }

        var line = ReadLine();
        if (line.Length == 0 || line[0] != '*')
        {
            throw new Outcome(ParseStatus.UnexpectedByte);
        }

        var count = Count(line[1..]);
        if (count == 0)
        {
            throw new Outcome(ParseStatus.BadPacket);
        }

        var stages = new List<List<(int, int)>?>();
        for (ulong i = 0; i < count; i++)
        {
            stages.Add(Element(top: true));
        }

        if (_pos < _buf.Length && _buf[_pos] != '*')
        {
            throw new Outcome(ParseStatus.UnexpectedByte);
        }

        return stages;
    }

    /// <summary>One element; at the top level an AnyArray's items are returned.</summary>
    private List<(int, int)>? Element(bool top)
    {
        if (_pos >= _buf.Length)
        {
            throw Outcome.NotEnough(_buf.Length + 1);
        }

        switch (_buf[_pos++])
        {
            case (byte)'+':
                Blob();
                return null;
            case (byte)':':
                Integer();
                return null;
            case (byte)'~':
                var items = new List<(int, int)>();
                var k = Count(ReadLine());
                for (ulong i = 0; i < k; i++)
                {
                    items.Add(Blob());
                }

                return top ? items : null;
            case (byte)'&':
                var n = Count(ReadLine());
                for (ulong i = 0; i < n; i++)
                {
                    Element(top: false);
                }

                return null;
            case (byte)'_':
                var strings = Count(ReadLine());
                for (ulong i = 0; i < strings; i++)
                {
                    if (_pos >= _buf.Length)
                    {
                        throw Outcome.NotEnough(_buf.Length + 1);
                    }

                    if (_buf[_pos++] != '+')
                    {
                        throw new Outcome(ParseStatus.UnknownDatatype);
                    }

                    Blob();
                }

                return null;
            default:
                throw new Outcome(ParseStatus.UnknownDatatype);
        }
    }

    private (int, int) Blob()
    {
        var len = Number(ReadLine());
        if (len >= (ulong)_limits.MaxQuerySize || (ulong)_pos + len + 1 > (ulong)_limits.MaxQuerySize)
        {
            throw new Outcome(ParseStatus.BadPacket);
        }

        var start = _pos;
        ReadExact((int)len);
        LineFeedAfter();
        return (start, (int)len);
    }

    private void Integer()
    {
        var digits = Number(ReadLine());
        if ((ulong)(_buf.Length - _pos) < digits)
        {
            throw Outcome.NotEnough(_pos + (long)Math.Min(digits, int.MaxValue) + 1);
        }

        var content = _buf.AsSpan(_pos, (int)digits).ToArray();
        ReadExact((int)digits);
        if (content.Length > 0)
        {
            Number(content);
        }

        LineFeedAfter();
        if (content.Length == 0)
        {
            throw new Outcome(ParseStatus.UnexpectedByte);
        }
    }

    private void LineFeedAfter()
    {
        if (_pos >= _buf.Length)
        {
            throw Outcome.NotEnough(_buf.Length + 1);
        }

        if (_buf[_pos++] != '\n')
        {
            throw new Outcome(ParseStatus.UnexpectedByte);
        }
    }

    private void ReadExact(int n)
    {
        if (_buf.Length - _pos < n)
        {
            throw Outcome.NotEnough(_pos + (long)n + 1);
        }

        _pos += n;
    }

    private byte[] ReadLine()
    {
        var lf = Array.IndexOf(_buf, (byte)'\n', _pos);
        if (lf < 0)
        {
            throw Outcome.NotEnough(_buf.Length + 1);
        }

        var line = _buf[_pos..lf];
        _pos = lf + 1;
        return line;
    }

    private ulong Count(byte[] digits)
    {
        var value = Number(digits);
        return value > (ulong)_limits.MaxElements ? throw new Outcome(ParseStatus.BadPacket) : value;
    }

    private ulong Number(byte[] digits)
    {
        if (digits.Length == 0)
        {
            throw Outcome.NotEnough(_buf.Length + 1);
        }

        ulong value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                throw new Outcome(ParseStatus.DatatypeParseFailure);
            }

            var d = (ulong)(b - '0');
            value = value > (ulong.MaxValue - d) / 10 ? throw new Outcome(ParseStatus.DatatypeParseFailure) : (value * 10) + d;
        }

        return value;
    }

    private sealed class Outcome(ParseStatus status, long needed = 0) : Exception
    {
        public ParseStatus Status { get; } = status;

        public long Needed { get; } = needed;

        public static Outcome NotEnough(long needed) => new(ParseStatus.NotEnough, needed);
    }
}
