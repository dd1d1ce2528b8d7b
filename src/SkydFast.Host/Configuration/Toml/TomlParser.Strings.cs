using System.Text;

namespace SkydFast.Host.Configuration.Toml;

/// <summary>The four kinds of strings: basic, multi-line basic, literal and multi-line literal.</summary>
internal sealed partial class TomlParser
{
    /// <summary>A <c>"basic"</c> string on one line, with escapes.</summary>
    private string ParseBasicString()
    {
        _pos++;
        _buffer.Clear();
        int run = _pos;
        while (true)
        {
            int c = Peek();
            switch (c)
            {
                case '"':
                    _buffer.Append(_text, run, _pos - run);
                    _pos++;
                    return _buffer.ToString();
                case '\\':
                    _buffer.Append(_text, run, _pos - run);
                    ParseEscape();
                    run = _pos;
                    continue;
                case EndOfFile or '\n' or '\r':
                    throw Error(_pos, $"a basic string must end with '\"' on the line it starts, found {Describe(_pos)}");
            }

            RejectControlInString();
            _pos++;
        }
    }

    /// <summary>A <c>"""multi-line basic"""</c> string: escapes, newlines, and backslashes that end a line.</summary>
    private string ParseMultiLineBasicString()
    {
        _pos += 3;
        SkipNewlineAfterOpeningDelimiter();
        _buffer.Clear();
        int run = _pos;
        while (true)
        {
            int c = Peek();
            if (c == '"')
            {
                int quotes = CountRun('"');
                if (quotes >= 3)
                {
                    _buffer.Append(_text, run, _pos - run);
                    return CloseMultiLineString(quotes, "a multi-line basic string can not contain three quotes in a row unless one is escaped (\\\")");
                }

                _pos += quotes;
                continue;
            }

            if (c == '\\')
            {
                _buffer.Append(_text, run, _pos - run);
                if (!SkipLineEndingBackslash())
                {
                    ParseEscape();
                }

                run = _pos;
                continue;
            }

            if (c == EndOfFile)
            {
                throw Error(_pos, "a multi-line basic string must end with '\"\"\"', found the end of the file");
            }

            SkipStringChar();
        }
    }

    /// <summary>A <c>'literal'</c> string on one line: no escapes.</summary>
    private string ParseLiteralString()
    {
        int start = ++_pos;
        while (true)
        {
            int c = Peek();
            switch (c)
            {
                case '\'':
                    _pos++;
                    return _text[start..(_pos - 1)];
                case EndOfFile or '\n' or '\r':
                    throw Error(_pos, $"a literal string must end with \"'\" on the line it starts, found {Describe(_pos)}");
            }

            RejectControlInString();
            _pos++;
        }
    }

    /// <summary>A <c>'''multi-line literal'''</c> string: newlines, no escapes.</summary>
    private string ParseMultiLineLiteralString()
    {
        _pos += 3;
        SkipNewlineAfterOpeningDelimiter();
        int start = _pos;
        while (true)
        {
            int c = Peek();
            if (c == '\'')
            {
                int quotes = CountRun('\'');
                if (quotes >= 3)
                {
                    _buffer.Clear().Append(_text, start, _pos - start);
                    return CloseMultiLineString(quotes, "a multi-line literal string can not contain three single quotes in a row");
                }

                _pos += quotes;
                continue;
            }

            if (c == EndOfFile)
            {
                throw Error(_pos, "a multi-line literal string must end with \"'''\", found the end of the file");
            }

            SkipStringChar();
        }
    }

    /// <summary>
    /// At a run of 3 or more quotes in a multi-line string: the last three close it, and up to two before them
    /// belong to the content (<c>""""</c> ends a string with one quote).
    /// </summary>
    private string CloseMultiLineString(int quotes, string tooManyQuotes)
    {
        if (quotes > 5)
        {
            throw Error(_pos, tooManyQuotes);
        }

        _buffer.Append(_text[_pos], quotes - 3);
        _pos += quotes;
        return _buffer.ToString();
    }

    private int CountRun(char quote)
    {
        int end = _pos;
        while (end < _text.Length && _text[end] == quote)
        {
            end++;
        }

        return end - _pos;
    }

    /// <summary>A newline right after the opening delimiter is not part of a multi-line string.</summary>
    private void SkipNewlineAfterOpeningDelimiter()
    {
        if (Peek() == '\n')
        {
            _pos++;
        }
        else if (Peek() == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
        }
    }

    /// <summary>One character of multi-line string content: a newline (LF or CRLF) or a character that needs no escape.</summary>
    private void SkipStringChar()
    {
        if (Peek() == '\r')
        {
            if (Peek(1) != '\n')
            {
                throw Error(_pos, "a carriage return must be followed by a line feed");
            }

            _pos += 2;
            return;
        }

        if (Peek() != '\n')
        {
            RejectControlInString();
        }

        _pos++;
    }

    /// <summary>
    /// At a backslash in a multi-line basic string: if only whitespace follows it on its line, skips it, the
    /// newline and all whitespace and newlines after, and returns true.
    /// </summary>
    private bool SkipLineEndingBackslash()
    {
        int end = _pos + 1;
        while (end < _text.Length && _text[end] is ' ' or '\t')
        {
            end++;
        }

        if (end == _text.Length || _text[end] is not ('\n' or '\r'))
        {
            return false;
        }

        _pos = end;
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            if (Peek() == '\r' && Peek(1) != '\n')
            {
                throw Error(_pos, "a carriage return must be followed by a line feed");
            }

            _pos++;
        }

        return true;
    }

    /// <summary>An escape sequence at the backslash; appends the character it stands for.</summary>
    private void ParseEscape()
    {
        int start = _pos;
        int c = Peek(1);
        _pos += 2;
        switch (c)
        {
            case 'b': _buffer.Append('\b'); break;
            case 't': _buffer.Append('\t'); break;
            case 'n': _buffer.Append('\n'); break;
            case 'f': _buffer.Append('\f'); break;
            case 'r': _buffer.Append('\r'); break;
            case '"': _buffer.Append('"'); break;
            case '\\': _buffer.Append('\\'); break;
            case 'u': AppendUnicodeEscape(start, 4); break;
            case 'U': AppendUnicodeEscape(start, 8); break;
            default:
                string what = c is > ' ' and < '\x7F' ? $"\\{(char)c} is not an escape sequence" : $"a backslash followed by {Describe(start + 1)} is not an escape sequence";
                throw Error(start, $"{what}; TOML 1.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX");
        }
    }

    /// <summary>The hex digits of <c>\uXXXX</c> or <c>\UXXXXXXXX</c>, which must name a Unicode scalar value.</summary>
    private void AppendUnicodeEscape(int start, int digits)
    {
        int codePoint = 0;
        for (int i = 0; i < digits; i++)
        {
            int digit = HexValue(Peek());
            if (digit < 0)
            {
                throw Error(_pos, $"expected {digits} hexadecimal digits after \\{_text[start + 1]}, found {Describe(_pos)}");
            }

            // Eight digits can exceed int: anything above 0x10FFFF is rejected below either way, so clamp.
            codePoint = Math.Min((codePoint << 4) | digit, 0x110000);
            _pos++;
        }

        if (!Rune.IsValid(codePoint))
        {
            throw Error(start, $"{_text[start.._pos]} is not a Unicode scalar value (surrogates and values above 10FFFF are not)");
        }

        Span<char> utf16 = stackalloc char[2];
        _buffer.Append(utf16[..new Rune(codePoint).EncodeToUtf16(utf16)]);
    }

    private void RejectControlInString()
    {
        if (IsControl(_text[_pos]))
        {
            throw Error(_pos, $"{Describe(_pos)} must be escaped in a string");
        }
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
