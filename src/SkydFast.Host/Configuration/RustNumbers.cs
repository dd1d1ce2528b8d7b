using System.Globalization;

namespace SkydFast.Host.Configuration;

/// <summary>Integers as Rust's <c>str::parse</c> reads them (persistence-and-config.md §8.4): decimal digits with an
/// optional leading <c>+</c> (and <c>-</c> for signed types), nothing else, no whitespace, no overflow.</summary>
internal static class RustNumbers
{
    /// <summary>An unsigned integer no larger than <paramref name="max"/>.</summary>
    public static bool TryUnsigned(string? text, ulong max, out ulong value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var digits = text[0] == '+' ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }

    /// <summary>A boolean as Rust reads one: exactly <c>true</c> or <c>false</c>.</summary>
    public static bool TryBool(string? text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false";
    }
}
