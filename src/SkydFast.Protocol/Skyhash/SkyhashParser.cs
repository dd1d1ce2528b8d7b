namespace SkydFast.Protocol.Skyhash;

/// <summary>
/// The Skyhash 1.x query parser (skyhash-1.0.md §4). It always starts at the first unconsumed byte and either
/// parses one whole packet or reports why not; incomplete input is a status, never an exception.
/// </summary>
/// <remarks>
/// Differences from upstream, all from DECISIONS.md: a malformed byte after a <c>+</c> or <c>:</c> element is
/// an <see cref="ParseStatus.UnexpectedByte"/> rather than an endless wait (2); a declared length or count
/// beyond <see cref="ParserLimits"/> is a <see cref="ParseStatus.BadPacket"/>, and so is an incomplete packet
/// that has already filled <see cref="ParserLimits.MaxQuerySize"/> (4). Nested <c>&amp;</c> arrays are walked
/// with a counter rather than recursion, so no packet can exhaust the stack.
/// </remarks>
public static class SkyhashParser
{
    /// <summary>
    /// Parses one packet from the start of <paramref name="buffer"/> into <paramref name="query"/>.
    /// </summary>
    /// <param name="buffer">The unconsumed bytes of the connection.</param>
    /// <param name="query">Receives the stages and argument slices (offsets into <paramref name="buffer"/>).</param>
    /// <param name="limits">The size and count limits.</param>
    /// <param name="consumed">On <see cref="ParseStatus.Complete"/>, the length of the packet.</param>
    /// <param name="needed">
    /// On <see cref="ParseStatus.NotEnough"/>, the smallest buffer length at which parsing again can make
    /// progress, so a caller receiving a large value in many reads need not re-parse after every read.
    /// </param>
    public static ParseStatus Parse(ReadOnlySpan<byte> buffer, ParsedQuery query, in ParserLimits limits, out int consumed, out long needed)
    {
        consumed = 0;
        needed = 0;
        var status = ParsePacket(buffer, query, limits, out var pos, ref needed);
        if (status == ParseStatus.NotEnough)
        {
            // An incomplete packet may not grow past the limit: the client has declared or sent too much.
            if (needed > limits.MaxQuerySize)
            {
                return ParseStatus.BadPacket;
            }
        }
        else if (status == ParseStatus.Complete)
        {
            // Declared lengths are checked as they are read, but integers and headers are not: check the whole.
            if (pos > limits.MaxQuerySize)
            {
                return ParseStatus.BadPacket;
            }

            consumed = pos;
        }

        return status;
    }

    private static ParseStatus ParsePacket(ReadOnlySpan<byte> buf, ParsedQuery query, in ParserLimits limits, out int pos, ref long needed)
    {
        pos = 0;
        if (buf.Length < 3)
        {
            needed = 3;
            return ParseStatus.NotEnough;
        }

        var status = ReadLine(buf, ref pos, out var line, ref needed);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        // An empty first line has no '*' either (a buffer starting with "\n" must not index past the line).
        if (line.IsEmpty || line[0] != (byte)'*')
        {
            return ParseStatus.UnexpectedByte;
        }

        status = ParseCount(line[1..], limits, out var count, ref needed, buf.Length);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        if (count == 0)
        {
            return ParseStatus.BadPacket;
        }

        query.Reset((int)count);
        for (long i = 0; i < count; i++)
        {
            if (pos >= buf.Length)
            {
                needed = (long)buf.Length + 1;
                return ParseStatus.NotEnough;
            }

            var firstItem = query.ItemCount;
            if (buf[pos] == (byte)'~')
            {
                pos++;
                status = ParseAnyArray(buf, ref pos, limits, query, ref needed);
                if (status != ParseStatus.Complete)
                {
                    return status;
                }

                query.AddStage(StageKind.AnyArray, firstItem);
            }
            else
            {
                status = SkipElement(buf, ref pos, limits, ref needed);
                if (status != ParseStatus.Complete)
                {
                    return status;
                }

                query.AddStage(StageKind.NotExecutable, firstItem);
            }
        }

        // Step 5: what follows a packet is either nothing yet or the start of the next packet.
        if (pos < buf.Length && buf[pos] != (byte)'*')
        {
            return ParseStatus.UnexpectedByte;
        }

        return ParseStatus.Complete;
    }

    /// <summary>Parses the items of an AnyArray whose <c>~</c> has been read, recording their slices.</summary>
    private static ParseStatus ParseAnyArray(ReadOnlySpan<byte> buf, ref int pos, in ParserLimits limits, ParsedQuery query, ref long needed)
    {
        var status = ReadCount(buf, ref pos, limits, out var count, ref needed);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        for (long i = 0; i < count; i++)
        {
            status = ReadBlob(buf, ref pos, limits, out var start, out var length, ref needed);
            if (status != ParseStatus.Complete)
            {
                return status;
            }

            query.AddItem(start, length);
        }

        return ParseStatus.Complete;
    }

    /// <summary>
    /// Validates one element of any type without recording it. <c>&amp;k</c> adds k elements to the work
    /// still pending instead of recursing.
    /// </summary>
    private static ParseStatus SkipElement(ReadOnlySpan<byte> buf, ref int pos, in ParserLimits limits, ref long needed)
    {
        long pending = 1;
        while (pending > 0)
        {
            pending--;
            if (pos >= buf.Length)
            {
                needed = (long)buf.Length + 1;
                return ParseStatus.NotEnough;
            }

            var tsymbol = buf[pos++];
            ParseStatus status;
            long count;
            switch (tsymbol)
            {
                case (byte)'+':
                    status = ReadBlob(buf, ref pos, limits, out _, out _, ref needed);
                    break;
                case (byte)':':
                    status = SkipUnsigned(buf, ref pos, ref needed);
                    break;
                case (byte)'~':
                    status = ReadCount(buf, ref pos, limits, out count, ref needed);
                    for (long i = 0; status == ParseStatus.Complete && i < count; i++)
                    {
                        status = ReadBlob(buf, ref pos, limits, out _, out _, ref needed);
                    }

                    break;
                case (byte)'&':
                    status = ReadCount(buf, ref pos, limits, out count, ref needed);
                    // Bounded: each count is at most MaxElements and each element takes bytes, so pending
                    // cannot outgrow what MaxQuerySize lets the buffer hold times MaxElements.
                    pending += count;
                    break;
                case (byte)'_':
                    status = ReadCount(buf, ref pos, limits, out count, ref needed);
                    for (long i = 0; status == ParseStatus.Complete && i < count; i++)
                    {
                        if (pos >= buf.Length)
                        {
                            needed = (long)buf.Length + 1;
                            return ParseStatus.NotEnough;
                        }

                        if (buf[pos++] != (byte)'+')
                        {
                            return ParseStatus.UnknownDatatype;
                        }

                        status = ReadBlob(buf, ref pos, limits, out _, out _, ref needed);
                    }

                    break;
                default:
                    return ParseStatus.UnknownDatatype;
            }

            if (status != ParseStatus.Complete)
            {
                return status;
            }
        }

        return ParseStatus.Complete;
    }

    /// <summary><c>&lt;d&gt;\n&lt;d digits&gt;\n</c> of a <c>:</c> integer whose symbol has been read.</summary>
    private static ParseStatus SkipUnsigned(ReadOnlySpan<byte> buf, ref int pos, ref long needed)
    {
        var status = ReadLine(buf, ref pos, out var line, ref needed);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        status = ParseField(line, out var digits, ref needed, buf.Length);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        if ((ulong)(buf.Length - pos) < digits)
        {
            needed = pos + (long)Math.Min(digits, int.MaxValue) + 1;
            return ParseStatus.NotEnough;
        }

        var content = buf.Slice(pos, (int)digits);
        pos += (int)digits;

        // Upstream parses the digits before it looks at the byte after them (skyhash-1.0.md §4).
        if (!content.IsEmpty && ParseUnsigned(content, out _) is var parsed && parsed != ParseStatus.Complete)
        {
            return parsed;
        }

        if (pos >= buf.Length)
        {
            needed = (long)buf.Length + 1;
            return ParseStatus.NotEnough;
        }

        // An empty integer is malformed, not a wait for digits that can never come (DECISIONS.md 2).
        return buf[pos++] != (byte)'\n' || content.IsEmpty ? ParseStatus.UnexpectedByte : ParseStatus.Complete;
    }

    /// <summary>
    /// Reads <c>&lt;len&gt;\n&lt;len bytes&gt;\n</c>: the shape of an AnyArray item and of a string element.
    /// A missing final byte means wait; a wrong one is an <see cref="ParseStatus.UnexpectedByte"/>.
    /// </summary>
    private static ParseStatus ReadBlob(ReadOnlySpan<byte> buf, ref int pos, in ParserLimits limits, out int start, out int length, ref long needed)
    {
        start = 0;
        length = 0;
        var status = ReadLine(buf, ref pos, out var line, ref needed);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        status = ParseField(line, out var len, ref needed, buf.Length);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        // A declared length is only a promise: nothing is reserved for it, and one that cannot fit
        // in a packet of the maximum size is refused before its bytes arrive.
        if (len >= (ulong)limits.MaxQuerySize || (ulong)pos + len + 1 > (ulong)limits.MaxQuerySize)
        {
            return ParseStatus.BadPacket;
        }

        if ((ulong)(buf.Length - pos) <= len)
        {
            needed = pos + (long)len + 1;
            return ParseStatus.NotEnough;
        }

        start = pos;
        length = (int)len;
        pos += length;
        if (buf[pos++] != (byte)'\n')
        {
            return ParseStatus.UnexpectedByte;
        }

        return ParseStatus.Complete;
    }

    /// <summary>Reads a <c>&lt;count&gt;\n</c> line and applies <see cref="ParserLimits.MaxElements"/>.</summary>
    private static ParseStatus ReadCount(ReadOnlySpan<byte> buf, ref int pos, in ParserLimits limits, out long count, ref long needed)
    {
        count = 0;
        var status = ReadLine(buf, ref pos, out var line, ref needed);
        return status != ParseStatus.Complete ? status : ParseCount(line, limits, out count, ref needed, buf.Length);
    }

    private static ParseStatus ParseCount(ReadOnlySpan<byte> digits, in ParserLimits limits, out long count, ref long needed, int bufferLength)
    {
        count = 0;
        var status = ParseField(digits, out var value, ref needed, bufferLength);
        if (status != ParseStatus.Complete)
        {
            return status;
        }

        if (value > (ulong)limits.MaxElements)
        {
            return ParseStatus.BadPacket;
        }

        count = (long)value;
        return ParseStatus.Complete;
    }

    /// <summary>
    /// A length, count or digit-count field. Upstream waits on an empty field; more bytes cannot fill it, so ask
    /// for any byte at all: the wait must still grow the buffer, or the size limit never sees the packet.
    /// </summary>
    private static ParseStatus ParseField(ReadOnlySpan<byte> digits, out ulong value, ref long needed, int bufferLength)
    {
        var status = ParseUnsigned(digits, out value);
        if (status == ParseStatus.NotEnough)
        {
            needed = (long)bufferLength + 1;
        }

        return status;
    }

    private static ParseStatus ReadLine(ReadOnlySpan<byte> buf, ref int pos, out ReadOnlySpan<byte> line, ref long needed)
    {
        var rest = buf[pos..];
        var lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            line = default;
            needed = (long)buf.Length + 1;
            return ParseStatus.NotEnough;
        }

        line = rest[..lf];
        pos += lf + 1;
        return ParseStatus.Complete;
    }

    /// <summary>
    /// Decimal digits to u64 as upstream's <c>parse_into_u64</c>: empty is <see cref="ParseStatus.NotEnough"/>,
    /// a non-digit or an overflow is <see cref="ParseStatus.DatatypeParseFailure"/>; leading zeros are fine.
    /// </summary>
    public static ParseStatus ParseUnsigned(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return ParseStatus.NotEnough;
        }

        foreach (var b in digits)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return ParseStatus.DatatypeParseFailure;
            }

            if (value > (ulong.MaxValue - d) / 10)
            {
                return ParseStatus.DatatypeParseFailure;
            }

            value = (value * 10) + d;
        }

        return ParseStatus.Complete;
    }
}
