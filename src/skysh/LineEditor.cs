using System.Text;

namespace SkydFast.Shell;

/// <summary>
/// Reads one line from the terminal with editing: Left/Right, Home/End (and Ctrl-A/Ctrl-E), Backspace/Delete, Ctrl-U
/// (erase to the start), Up/Down through the <see cref="History"/>, Ctrl-C to drop the line and start a new one, and
/// Ctrl-D on an empty line to end the session. The line is redrawn after each key with ANSI sequences, which every
/// terminal emulator understands; characters wider than one cell are not accounted for.
/// </summary>
internal sealed class LineEditor(History history, TextWriter output)
{
    private readonly StringBuilder _line = new();
    private int _cursor;

    /// <summary>The line typed, or null when the user pressed Ctrl-D on an empty line or input ended.</summary>
    public string? ReadLine(string prompt)
    {
        _line.Clear();
        _cursor = 0;
        var browsing = history.Entries.Count;
        var draft = string.Empty;
        output.Write(prompt);
        output.Flush();

        // Ctrl-C edits the line here instead of ending the process; it goes back to a signal while a query runs.
        var treatControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                ConsoleKeyInfo key;
                try
                {
                    key = Console.ReadKey(intercept: true);
                }
                catch (InvalidOperationException)
                {
                    return null;
                }

                var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        output.Write("\n");
                        output.Flush();
                        return _line.ToString();
                    case ConsoleKey.C when control:
                        output.Write("^C\n");
                        _line.Clear();
                        _cursor = 0;
                        browsing = history.Entries.Count;
                        output.Write(prompt);
                        break;
                    case ConsoleKey.D when control:
                        if (_line.Length == 0)
                        {
                            output.Write("\n");
                            output.Flush();
                            return null;
                        }

                        Delete(prompt);
                        break;
                    case ConsoleKey.Backspace:
                        if (_cursor > 0)
                        {
                            _line.Remove(--_cursor, 1);
                            Redraw(prompt);
                        }

                        break;
                    case ConsoleKey.Delete:
                        Delete(prompt);
                        break;
                    case ConsoleKey.LeftArrow:
                        MoveTo(_cursor - 1, prompt);
                        break;
                    case ConsoleKey.RightArrow:
                        MoveTo(_cursor + 1, prompt);
                        break;
                    case ConsoleKey.Home:
                    case ConsoleKey.A when control:
                        MoveTo(0, prompt);
                        break;
                    case ConsoleKey.End:
                    case ConsoleKey.E when control:
                        MoveTo(_line.Length, prompt);
                        break;
                    case ConsoleKey.U when control:
                        _line.Remove(0, _cursor);
                        _cursor = 0;
                        Redraw(prompt);
                        break;
                    case ConsoleKey.UpArrow when browsing > 0:
                        if (browsing == history.Entries.Count)
                        {
                            draft = _line.ToString();
                        }

                        Replace(history.Entries[--browsing], prompt);
                        break;
                    case ConsoleKey.DownArrow when browsing < history.Entries.Count:
                        browsing++;
                        Replace(browsing == history.Entries.Count ? draft : history.Entries[browsing], prompt);
                        break;
                    default:
                        if (!control && key.KeyChar >= ' ' && key.KeyChar != '\x7f')
                        {
                            _line.Insert(_cursor++, key.KeyChar);
                            Redraw(prompt);
                        }

                        break;
                }

                output.Flush();
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatControlC;
        }
    }

    private void Delete(string prompt)
    {
        if (_cursor < _line.Length)
        {
            _line.Remove(_cursor, 1);
            Redraw(prompt);
        }
    }

    private void MoveTo(int position, string prompt)
    {
        _cursor = Math.Clamp(position, 0, _line.Length);
        Redraw(prompt);
    }

    private void Replace(string text, string prompt)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
        Redraw(prompt);
    }

    /// <summary>Carriage return, the prompt and the line, erase what is left of the old one, then step back to the
    /// cursor.</summary>
    private void Redraw(string prompt)
    {
        output.Write('\r');
        output.Write(prompt);
        output.Write(_line.ToString());
        output.Write("\x1b[K");
        var back = _line.Length - _cursor;
        if (back > 0)
        {
            output.Write($"\x1b[{back}D");
        }
    }
}
