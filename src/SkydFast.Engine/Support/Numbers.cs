namespace SkydFast.Engine.Support;

/// <summary>Numeric arguments, parsed the way upstream's Rust does.</summary>
public static class Numbers
{
    /// <summary>
    /// Rust's <c>usize::from_str</c> on a 64-bit target: an optional single leading <c>+</c>, then one or more
    /// ASCII digits, no overflow. Anything else (<c>-1</c>, spaces, empty) fails (actions.md §4).
    /// </summary>
    public static bool TryParseUsize(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (!text.IsEmpty && text[0] == (byte)'+')
        {
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9 || value > (ulong.MaxValue - d) / 10)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
