using System.Globalization;

namespace SkydFast.Host.Configuration.Toml;

/// <summary>Integers (decimal, hexadecimal, octal, binary) and floats (including inf and nan).</summary>
internal sealed partial class TomlParser
{
    private TomlValue ParseNumber(TomlPosition position)
    {
        int start = _pos;
        bool negative = Peek() == '-';
        if (Peek() is '+' or '-')
        {
            _pos++;
        }

        if (Peek() is 'i' or 'n')
        {
            return ParseInfinityOrNaN(position, start, negative);
        }

        if (Peek() == '0' && Peek(1) is 'x' or 'o' or 'b')
        {
            if (_pos != start)
            {
                throw Error(start, "hexadecimal, octal and binary integers can not have a sign");
            }

            return ParsePrefixedInteger(position);
        }

        int digits = _pos;
        ScanDigits(10, "");
        if (_text[digits] == '0' && _pos - digits > 1)
        {
            throw Error(digits, "leading zeros are not allowed in a decimal number");
        }

        bool isFloat = false;
        if (Peek() == '.')
        {
            _pos++;
            ScanDigits(10, " after the decimal point");
            isFloat = true;
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            ScanDigits(10, " in the exponent");
            isFloat = true;
        }

        if (IsWordChar(Peek()))
        {
            throw Error(_pos, $"unexpected {Describe(_pos)} in a number");
        }

        if (isFloat)
        {
            // The grammar is checked above; double.Parse rounds correctly and overflows to infinity.
            string text = _text[start.._pos].Replace("_", "", StringComparison.Ordinal);
            return new TomlFloat(position, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new TomlInteger(position, ToInt64(start, digits, 10, negative));
    }

    private TomlFloat ParseInfinityOrNaN(TomlPosition position, int start, bool negative)
    {
        bool infinity = Peek() == 'i';
        if (!_text.AsSpan(_pos).StartsWith(infinity ? "inf" : "nan", StringComparison.Ordinal) || IsWordChar(Peek(3)))
        {
            throw InvalidValue(start);
        }

        _pos += 3;
        double value = !infinity ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
        return new TomlFloat(position, value);
    }

    /// <summary><c>0x</c>, <c>0o</c> or <c>0b</c> and digits (lowercase prefix; hex digits in either case).</summary>
    private TomlInteger ParsePrefixedInteger(TomlPosition position)
    {
        int start = _pos;
        char prefix = _text[_pos + 1];
        (int radix, string name) = prefix switch
        {
            'x' => (16, "hexadecimal"),
            'o' => (8, "octal"),
            _ => (2, "binary"),
        };
        _pos += 2;
        int digits = _pos;
        ScanDigits(radix, $" after '0{prefix}'");
        if (IsWordChar(Peek()))
        {
            throw Error(_pos, char.IsAsciiLetterOrDigit((char)Peek())
                ? $"invalid {name} digit {Describe(_pos)}"
                : $"unexpected {Describe(_pos)} in a number");
        }

        return new TomlInteger(position, ToInt64(start, digits, radix, negative: false));
    }

    /// <summary>One or more digits of <paramref name="radix"/>, with single underscores between digits.</summary>
    private void ScanDigits(int radix, string where)
    {
        if (!IsDigit(Peek(), radix))
        {
            throw Error(_pos, Peek() == '_'
                ? "an underscore in a number must be between two digits"
                : $"expected {DigitName(radix)}{where}, found {Describe(_pos)}");
        }

        _pos++;
        while (true)
        {
            if (IsDigit(Peek(), radix))
            {
                _pos++;
            }
            else if (Peek() == '_')
            {
                if (!IsDigit(Peek(1), radix))
                {
                    throw Error(_pos, "an underscore in a number must be between two digits");
                }

                _pos += 2;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The value of the digits (and underscores) from <paramref name="digits"/> to the current position.</summary>
    private long ToInt64(int start, int digits, int radix, bool negative)
    {
        // Accumulate the magnitude unsigned so that -9223372036854775808, whose magnitude is not a long, fits.
        ulong limit = negative ? 1UL << 63 : long.MaxValue;
        ulong magnitude = 0;
        for (int i = digits; i < _pos; i++)
        {
            if (_text[i] == '_')
            {
                continue;
            }

            ulong digit = (ulong)HexValue(_text[i]);
            if (magnitude > (limit - digit) / (ulong)radix)
            {
                throw Error(start, "integer out of range: integers are 64-bit, from -9223372036854775808 to 9223372036854775807");
            }

            magnitude = (magnitude * (ulong)radix) + digit;
        }

        return negative ? unchecked(-(long)magnitude) : (long)magnitude;
    }

    private static bool IsDigit(int c, int radix) => radix switch
    {
        16 => HexValue(c) >= 0,
        _ => c >= '0' && c < '0' + radix,
    };

    private static string DigitName(int radix) => radix switch
    {
        16 => "a hexadecimal digit",
        8 => "an octal digit",
        2 => "a binary digit",
        _ => "a digit",
    };
}
