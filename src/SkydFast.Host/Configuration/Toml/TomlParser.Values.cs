namespace SkydFast.Host.Configuration.Toml;

/// <summary>Values: choosing the type from the first characters, booleans, arrays and inline tables.</summary>
internal sealed partial class TomlParser
{
    private static readonly string[] Keywords = ["true", "false", "inf", "+inf", "-inf", "nan", "+nan", "-nan"];

    private TomlValue ParseValue()
    {
        int start = _pos;
        // Asked before reading the value so that positions are asked in document order (see LineMap).
        var position = _lines.At(start);
        switch (Peek())
        {
            case '"':
                return new TomlString(position, Peek(1) == '"' && Peek(2) == '"' ? ParseMultiLineBasicString() : ParseBasicString());
            case '\'':
                return new TomlString(position, Peek(1) == '\'' && Peek(2) == '\'' ? ParseMultiLineLiteralString() : ParseLiteralString());
            case '[':
                return ParseArray(position);
            case '{':
                return ParseInlineTable(position);
            case 't' or 'f':
                return ParseBoolean(position);
            case '+' or '-' or 'i' or 'n':
                return ParseNumber(position);
            case >= '0' and <= '9':
                if (LooksLikeDate())
                {
                    return ParseDateOrDateTime(position);
                }

                return LooksLikeTime() ? ParseLocalTime(position) : ParseNumber(position);
            case var c when char.IsAsciiLetter((char)c):
                throw InvalidValue(start);
            default:
                throw Error(start, $"expected a value, found {Describe(start)}");
        }
    }

    private TomlBoolean ParseBoolean(TomlPosition position)
    {
        int start = _pos;
        bool value = Peek() == 't';
        string word = value ? "true" : "false";
        if (!_text.AsSpan(_pos).StartsWith(word, StringComparison.Ordinal) || IsWordChar(Peek(word.Length)))
        {
            throw InvalidValue(start);
        }

        _pos += word.Length;
        return new TomlBoolean(position, value);
    }

    private TomlArray ParseArray(TomlPosition position)
    {
        EnterNesting();
        var array = new TomlArray(position, isArrayOfTables: false);
        _pos++;
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (Peek() == ']')
            {
                break;
            }

            array.Add(ParseValue());
            SkipWhitespaceCommentsAndNewlines();
            if (Peek() == ']')
            {
                break;
            }

            if (Peek() != ',')
            {
                throw Error(_pos, $"expected ',' or ']' after an array element, found {Describe(_pos)}");
            }

            _pos++;
        }

        _pos++;
        _depth--;
        return array;
    }

    private TomlTable ParseInlineTable(TomlPosition position)
    {
        EnterNesting();
        // Closed from the start: its own keys are added directly, and every path into its sub-tables from outside
        // goes through it, so nothing else can add to them.
        var table = new TomlTable(position, TableOrigin.Inline);
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                RejectNewlineInInlineTable();
                ParseKeyValue(table);
                SkipWhitespace();
                if (Peek() == '}')
                {
                    _pos++;
                    break;
                }

                RejectNewlineInInlineTable();
                if (Peek() != ',')
                {
                    throw Error(_pos, $"expected ',' or '}}' after a key/value pair in an inline table, found {Describe(_pos)}");
                }

                _pos++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    throw Error(_pos, "a trailing comma is not allowed in an inline table");
                }
            }
        }

        _depth--;
        return table;
    }

    private void RejectNewlineInInlineTable()
    {
        if (Peek() is '\n' or '\r')
        {
            throw Error(_pos, "an inline table must be on one line (a newline may only appear inside a value in it)");
        }
    }

    private void EnterNesting()
    {
        if (++_depth > MaxNesting)
        {
            throw Error(_pos, $"arrays and inline tables are nested more than {MaxNesting} deep");
        }
    }

    /// <summary>A value that starts like a bare word: quote it back, with a hint at the usual mistakes.</summary>
    private TomlException InvalidValue(int start)
    {
        // The word runs to whitespace, a control character or what may follow a value, and at most 40 characters.
        int end = start;
        while (end < _text.Length && end - start < 40 && _text[end] is > ' ' and not ('\x7F' or ',' or ']' or '}' or '#'))
        {
            end++;
        }

        if (char.IsHighSurrogate(_text[end - 1]))
        {
            end--;
        }

        string word = _text[start..end];
        if (Keywords.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            return Error(start, $"invalid value `{word}`: true, false, inf and nan are lowercase");
        }

        return Error(start, char.IsAsciiLetter(word[0]) ? $"invalid value `{word}`: strings must be quoted" : $"invalid value `{word}`");
    }

    /// <summary>Characters that would continue a number, date or keyword: one of them after a value is a malformed value.</summary>
    private static bool IsWordChar(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '+' or '.' or ':';
}
