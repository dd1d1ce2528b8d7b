using System.Text;

namespace SkydFast.Host.Configuration.Toml;

/// <summary>
/// A recursive-descent parser over one document. This file reads the document's lines, keys and headers and
/// applies the rules on defining tables; the partial files read values.
/// </summary>
internal sealed partial class TomlParser
{
    /// <summary>Arrays and inline tables may nest this deep; deeper input is an error instead of a stack overflow.</summary>
    private const int MaxNesting = 128;

    private const int EndOfFile = -1;

    private readonly string _text;
    private readonly LineMap _lines;
    private readonly TomlTable _root;
    private readonly StringBuilder _buffer = new();

    // The table that key/value pairs go to: the root until the first header, then the last header's table.
    private TomlTable _current;
    private int _pos;
    private int _depth;

    public TomlParser(string text)
    {
        _text = text;
        _pos = StartAfterBom(text);
        _lines = new LineMap(text, _pos);
        _root = new TomlTable(new TomlPosition(1, 1), TableOrigin.Header);
        _current = _root;
    }

    /// <summary>Where the document starts: after a byte order mark, which is not part of the content.</summary>
    internal static int StartAfterBom(string text) => text.StartsWith('\uFEFF') ? 1 : 0;

    /// <summary>Reads the whole document into its root table.</summary>
    public TomlTable ParseDocument()
    {
        RejectUnpairedSurrogates();
        while (true)
        {
            SkipWhitespace();
            int c = Peek();
            if (c == EndOfFile)
            {
                return _root;
            }

            if (c == '[')
            {
                ParseHeader();
                ExpectEndOfLine("a table header");
            }
            else if (c is '#' or '\n' or '\r')
            {
                ExpectEndOfLine("a comment");
            }
            else
            {
                ParseKeyValue(_current);
                ExpectEndOfLine("a key/value pair");
            }
        }
    }

    /// <summary>A key/value pair, into <paramref name="table"/> (the current section's, or an inline table).</summary>
    private void ParseKeyValue(TomlTable table)
    {
        var key = ParseKey();
        if (Peek() != '=')
        {
            throw Error(_pos, $"expected '.' or '=' after a key, found {Describe(_pos)}");
        }

        _pos++;
        SkipWhitespace();
        var parent = WalkDottedKey(table, key);
        var last = key[^1];
        if (parent.TryGetValue(last.Name, out var existing))
        {
            throw Error(last.Index, $"key `{PathOf(key, key.Count)}` is already defined at {existing.Position}");
        }

        parent.Add(last.Name, ParseValue());
    }

    /// <summary>A <c>[table]</c> or <c>[[array.of.tables]]</c> header; makes its table the current one.</summary>
    private void ParseHeader()
    {
        int start = _pos;
        bool isArray = Peek(1) == '[';
        _pos += isArray ? 2 : 1;
        SkipWhitespace();
        var key = ParseKey();
        if (Peek() != ']')
        {
            throw Error(_pos, $"expected '.' or '{(isArray ? "]]" : "]")}' after a key in a table header, found {Describe(_pos)}");
        }

        _pos++;
        if (isArray)
        {
            if (Peek() != ']')
            {
                throw Error(_pos, $"expected ']]' to close an array of tables header, found {Describe(_pos)}");
            }

            _pos++;
        }

        var position = _lines.At(start);
        _current = isArray ? OpenArrayOfTablesElement(key, position) : OpenTable(key, position);
    }

    /// <summary>Defines the table a <c>[a.b.c]</c> header names, unless something already defined it.</summary>
    private TomlTable OpenTable(List<KeySegment> key, TomlPosition header)
    {
        var parent = WalkHeaderParents(key, header);
        var last = key[^1];
        if (!parent.TryGetValue(last.Name, out var existing))
        {
            var table = new TomlTable(header, TableOrigin.Header);
            parent.Add(last.Name, table);
            return table;
        }

        if (existing is TomlTable { Origin: TableOrigin.Implicit } named)
        {
            // Named by an earlier header as a parent ([a.b] before [a]): this header is its definition.
            named.Origin = TableOrigin.Header;
            named.Position = header;
            return named;
        }

        string path = PathOf(key, key.Count);
        throw Error(last.Index, existing switch
        {
            TomlTable { Origin: TableOrigin.Dotted } => $"table `{path}` is already defined by dotted keys at {existing.Position}",
            TomlTable { Origin: TableOrigin.Inline } => $"table `{path}` is already defined as an inline table at {existing.Position}",
            TomlTable => $"table `{path}` is already defined at {existing.Position}",
            TomlArray { IsArrayOfTables: true } => $"`{path}` is already an array of tables (at {existing.Position}); add to it with [[{path}]]",
            _ => $"key `{path}` is already defined as {Describe(existing)} at {existing.Position}",
        });
    }

    /// <summary>Appends a new table to the array of tables a <c>[[a.b.c]]</c> header names, creating the array if needed.</summary>
    private TomlTable OpenArrayOfTablesElement(List<KeySegment> key, TomlPosition header)
    {
        var parent = WalkHeaderParents(key, header);
        var last = key[^1];
        TomlArray array;
        if (!parent.TryGetValue(last.Name, out var existing))
        {
            array = new TomlArray(header, isArrayOfTables: true);
            parent.Add(last.Name, array);
        }
        else if (existing is TomlArray { IsArrayOfTables: true } tables)
        {
            array = tables;
        }
        else
        {
            string path = PathOf(key, key.Count);
            throw Error(last.Index, existing switch
            {
                TomlTable => $"`{path}` is already defined as a table at {existing.Position}, not as an array of tables",
                TomlArray => $"`{path}` is already defined as an array value at {existing.Position}; [[{path}]] can only add to an array of tables",
                _ => $"key `{path}` is already defined as {Describe(existing)} at {existing.Position}",
            });
        }

        var element = new TomlTable(header, TableOrigin.Header);
        array.Add(element);
        return element;
    }

    /// <summary>
    /// Walks from the root to the parent of the header's last key, creating tables it names as parents. A header
    /// may go through any table except an inline one, and into the last element of an array of tables.
    /// </summary>
    private TomlTable WalkHeaderParents(List<KeySegment> key, TomlPosition header)
    {
        var table = _root;
        for (int i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.TryGetValue(segment.Name, out var existing))
            {
                var named = new TomlTable(header, TableOrigin.Implicit);
                table.Add(segment.Name, named);
                table = named;
                continue;
            }

            table = existing switch
            {
                TomlTable { Origin: TableOrigin.Inline } => throw Error(segment.Index, $"inline table `{PathOf(key, i + 1)}` (at {existing.Position}) can not be extended"),
                TomlTable child => child,
                TomlArray { IsArrayOfTables: true } tables => (TomlTable)tables[^1],
                TomlArray => throw Error(segment.Index, $"`{PathOf(key, i + 1)}` is an array value (at {existing.Position}); headers can only add to arrays of tables"),
                _ => throw Error(segment.Index, $"`{PathOf(key, i + 1)}` is already defined as {Describe(existing)} at {existing.Position}, not as a table"),
            };
        }

        return table;
    }

    /// <summary>
    /// Walks a dotted key's parents from <paramref name="table"/>, creating tables. Dotted keys define the tables they
    /// go through, so they may only go through tables that dotted keys of this section defined, or that a header
    /// merely named as a parent; never into a table a header or an inline table defined, nor into any array.
    /// </summary>
    private TomlTable WalkDottedKey(TomlTable table, List<KeySegment> key)
    {
        for (int i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.TryGetValue(segment.Name, out var existing))
            {
                var created = new TomlTable(_lines.At(segment.Index), TableOrigin.Dotted);
                table.Add(segment.Name, created);
                table = created;
                continue;
            }

            switch (existing)
            {
                case TomlTable { Origin: TableOrigin.Dotted } child:
                    table = child;
                    break;
                case TomlTable { Origin: TableOrigin.Implicit } child:
                    // Only named by headers below it so far ([a.b.c] before [a] and b.d = 1): these dotted keys define it.
                    child.Origin = TableOrigin.Dotted;
                    child.Position = _lines.At(segment.Index);
                    table = child;
                    break;
                case TomlTable { Origin: TableOrigin.Inline }:
                    throw Error(segment.Index, $"inline table `{PathOf(key, i + 1)}` (at {existing.Position}) can not be extended");
                case TomlTable:
                    throw Error(segment.Index, $"table `{PathOf(key, i + 1)}` is defined by the header at {existing.Position}; dotted keys outside it can not add to it");
                case TomlArray { IsArrayOfTables: true }:
                    throw Error(segment.Index, $"`{PathOf(key, i + 1)}` is an array of tables (at {existing.Position}); dotted keys can not add to it");
                default:
                    throw Error(segment.Index, $"`{PathOf(key, i + 1)}` is already defined as {Describe(existing)} at {existing.Position}, not as a table");
            }
        }

        return table;
    }

    /// <summary>A bare, quoted or dotted key (with whitespace around the dots); stops after the whitespace that follows it.</summary>
    private List<KeySegment> ParseKey()
    {
        var key = new List<KeySegment>();
        while (true)
        {
            key.Add(ParseSimpleKey());
            SkipWhitespace();
            if (Peek() != '.')
            {
                return key;
            }

            _pos++;
            SkipWhitespace();
        }
    }

    private KeySegment ParseSimpleKey()
    {
        int start = _pos;
        int c = Peek();
        if (c is '"' or '\'')
        {
            if (Peek(1) == c && Peek(2) == c)
            {
                throw Error(start, "a key can not be a multi-line string");
            }

            return new KeySegment(c == '"' ? ParseBasicString() : ParseLiteralString(), start);
        }

        while (_pos < _text.Length && IsBareKeyChar(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(start, $"expected a key, found {Describe(start)}");
        }

        return new KeySegment(_text[start.._pos], start);
    }

    /// <summary>After a pair, a header or a comment: optional whitespace and comment, then a newline or the end.</summary>
    private void ExpectEndOfLine(string after)
    {
        SkipWhitespace();
        if (Peek() == '#')
        {
            SkipComment();
        }

        switch (Peek())
        {
            case EndOfFile:
                return;
            case '\n':
                _pos++;
                return;
            case '\r' when Peek(1) == '\n':
                _pos += 2;
                return;
            case '\r':
                throw Error(_pos, "a carriage return must be followed by a line feed");
            default:
                throw Error(_pos, $"expected a newline or the end of the file after {after}, found {Describe(_pos)}");
        }
    }

    /// <summary>A comment up to (not including) the end of its line.</summary>
    private void SkipComment()
    {
        _pos++;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is '\n' or '\r')
            {
                return;
            }

            if (IsControl(c))
            {
                throw Error(_pos, $"{Describe(_pos)} is not allowed in a comment");
            }

            _pos++;
        }
    }

    /// <summary>Whitespace, comments and newlines: what may separate array elements.</summary>
    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            switch (Peek())
            {
                case '#':
                    SkipComment();
                    break;
                case '\n':
                    _pos++;
                    break;
                case '\r' when Peek(1) == '\n':
                    _pos += 2;
                    break;
                case '\r':
                    throw Error(_pos, "a carriage return must be followed by a line feed");
                default:
                    return;
            }
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>
    /// A .NET string can hold a lone surrogate, which no UTF-8 document can; rejecting it up front lets the rest of
    /// the parser treat every surrogate as half of a pair.
    /// </summary>
    private void RejectUnpairedSurrogates()
    {
        for (int i = _pos; i < _text.Length; i++)
        {
            char c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw Error(i, $"unpaired surrogate U+{(int)c:X4}: the text is not valid Unicode");
            }
        }
    }

    private int Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : EndOfFile;

    private TomlException Error(int index, string reason) => new(_lines.At(index), reason);

    /// <summary>The character at <paramref name="index"/> as a message shows it.</summary>
    private string Describe(int index)
    {
        if (index >= _text.Length)
        {
            return "the end of the file";
        }

        char c = _text[index];
        return c switch
        {
            '\n' => "a newline",
            '\r' => "a carriage return",
            '\t' => "a tab",
            ' ' => "a space",
            < ' ' or '\x7F' => $"control character U+{(int)c:X4}",
            < '\x80' => $"'{c}'",
            _ when char.IsHighSurrogate(c) => $"'{_text.Substring(index, 2)}' (U+{char.ConvertToUtf32(c, _text[index + 1]):X4})",
            _ => $"'{c}' (U+{(int)c:X4})",
        };
    }

    private static string Describe(TomlValue value) => value switch
    {
        TomlArray { IsArrayOfTables: true } => "an array of tables",
        _ => value.Kind switch
        {
            TomlKind.String => "a string",
            TomlKind.Integer => "an integer",
            TomlKind.Float => "a float",
            TomlKind.Boolean => "a boolean",
            TomlKind.OffsetDateTime => "an offset date-time",
            TomlKind.LocalDateTime => "a local date-time",
            TomlKind.LocalDate => "a local date",
            TomlKind.LocalTime => "a local time",
            TomlKind.Array => "an array",
            _ => "a table",
        },
    };

    /// <summary>
    /// The first <paramref name="count"/> segments of a key as TOML would write them, for messages. Linear in the key,
    /// so only error paths may call it per segment.
    /// </summary>
    private static string PathOf(List<KeySegment> key, int count)
    {
        var path = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                path.Append('.');
            }

            string name = key[i].Name;
            if (name.Length > 0 && name.All(IsBareKeyChar))
            {
                path.Append(name);
                continue;
            }

            path.Append('"');
            foreach (char c in name)
            {
                _ = c switch
                {
                    '"' or '\\' => path.Append('\\').Append(c),
                    _ when IsControl(c) || c is '\n' or '\r' => path.Append($"\\u{(int)c:X4}"),
                    _ => path.Append(c),
                };
            }

            path.Append('"');
        }

        return path.ToString();
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Characters TOML never allows unescaped: C0 controls other than tab, and DEL. Newlines are checked first.</summary>
    private static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\x7F';

    /// <summary>A key segment and where it starts, for messages and for the position of a table it creates.</summary>
    private readonly record struct KeySegment(string Name, int Index);
}
