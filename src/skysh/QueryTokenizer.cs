using System.Text;

namespace SkydFast.Shell;

/// <summary>
/// Splits a line into query arguments as a Unix shell would: on spaces and tabs, with double quotes, single quotes and
/// backslash escapes. Outside single quotes, <c>\\ \" \' \n \r \t \0 \xHH</c> and a backslash before a space are
/// escapes (<c>\xHH</c> is one raw byte, so any binary value can be typed); inside single quotes only <c>\'</c> and
/// <c>\\</c> are. Quotes may start anywhere in an argument (<c>a"b c"</c> is one argument, <c>ab c</c>), and <c>""</c>
/// is an empty argument. Text is sent as UTF-8.
/// </summary>
internal static class QueryTokenizer
{
    /// <summary>The arguments of <paramref name="line"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static List<byte[]>? Tokenize(string line, out string? error)
    {
        var args = new List<byte[]>();
        var current = new List<byte>();
        var inArgument = false;
        var quote = '\0';
        error = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\0' && c is ' ' or '\t')
            {
                if (inArgument)
                {
                    args.Add([.. current]);
                    current.Clear();
                    inArgument = false;
                }

                continue;
            }

            inArgument = true;
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }
            else if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                if (!TryEscape(line, ref i, quote, current, out error))
                {
                    return null;
                }
            }
            else
            {
                AppendUtf8(line, ref i, current);
            }
        }

        if (quote != '\0')
        {
            error = $"unterminated {(quote == '"' ? "double" : "single")} quote";
            return null;
        }

        if (inArgument)
        {
            args.Add([.. current]);
        }

        return args;
    }

    private static bool TryEscape(string line, ref int i, char quote, List<byte> current, out string? error)
    {
        error = null;
        if (i + 1 >= line.Length)
        {
            error = "a backslash at the end of the line";
            return false;
        }

        var next = line[++i];
        if (quote == '\'')
        {
            // Single quotes keep everything but their own quote and the backslash itself.
            if (next is not ('\'' or '\\'))
            {
                current.Add((byte)'\\');
            }

            AppendUtf8(line, ref i, current);
            return true;
        }

        switch (next)
        {
            case '\\' or '"' or '\'' or ' ':
                current.Add((byte)next);
                return true;
            case 'n':
                current.Add((byte)'\n');
                return true;
            case 'r':
                current.Add((byte)'\r');
                return true;
            case 't':
                current.Add((byte)'\t');
                return true;
            case '0':
                current.Add(0);
                return true;
            case 'x' when i + 2 < line.Length && byte.TryParse(line.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value):
                current.Add(value);
                i += 2;
                return true;
            case 'x':
                error = "\\x needs two hex digits";
                return false;
            default:
                error = $"unknown escape \\{next}";
                return false;
        }
    }

    private static void AppendUtf8(string line, ref int i, List<byte> current)
    {
        Span<byte> utf8 = stackalloc byte[4];
        if (Rune.TryGetRuneAt(line, i, out var rune))
        {
            current.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            i += rune.Utf16SequenceLength - 1;
        }
        else
        {
            // A lone surrogate cannot be UTF-8; send what Encoding.UTF8 would: the replacement character.
            current.AddRange(utf8[..Rune.ReplacementChar.EncodeToUtf8(utf8)]);
        }
    }
}
