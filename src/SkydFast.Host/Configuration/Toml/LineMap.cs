namespace SkydFast.Host.Configuration.Toml;

/// <summary>Turns an index into the text into a line and a column counted in code points.</summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [];

    // The last position answered. The parser asks in document order, so counting on from here keeps a document
    // with one very long line linear instead of recounting the line for every value on it.
    private int _line;
    private int _index;
    private int _column = 1;

    /// <summary>Maps <paramref name="text"/>, whose first line starts at <paramref name="start"/> (after a BOM).</summary>
    public LineMap(string text, int start)
    {
        _text = text;
        _lineStarts.Add(start);
        _index = start;
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The position of the character at <paramref name="index"/> (or of the end, at the text's length).</summary>
    public TomlPosition At(int index)
    {
        bool beyondLine = _line + 1 < _lineStarts.Count && index >= _lineStarts[_line + 1];
        if (index < _index || beyondLine)
        {
            int found = _lineStarts.BinarySearch(index);
            _line = found >= 0 ? found : ~found - 1;
            _index = _lineStarts[_line];
            _column = 1;
        }

        for (; _index < index; _index++)
        {
            // The second half of a surrogate pair is the same code point as the first.
            if (!char.IsLowSurrogate(_text[_index]))
            {
                _column++;
            }
        }

        return new TomlPosition(_line + 1, _column);
    }
}
