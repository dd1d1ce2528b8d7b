using System.Globalization;
using System.Text;
using SkydFast.Host.Configuration.Toml;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Parsing helpers: a compact dump of a parsed tree with kinds and positions, and exact error checks.</summary>
internal static class TomlAssert
{
    /// <summary>Parses <paramref name="document"/> and checks its whole tree against <paramref name="expected"/> (see <see cref="Dump"/>).</summary>
    public static TomlTable Parses(string document, string expected)
    {
        var root = TomlReader.Parse(document);
        Assert.Equal(expected, Dump(root));
        return root;
    }

    /// <summary>The value of <c>v</c> in <c>v = {text}</c>; its position is line 1, column 5.</summary>
    public static TomlValue Value(string text)
    {
        var root = TomlReader.Parse($"v = {text}");
        var value = Assert.Single(root).Value;
        Assert.Equal(new TomlPosition(1, 5), value.Position);
        return value;
    }

    /// <summary>Parsing <paramref name="document"/> fails at <paramref name="line"/>:<paramref name="column"/> with exactly <paramref name="reason"/>.</summary>
    public static void Fails(string document, int line, int column, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(document));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(new TomlPosition(line, column), error.Position);
        Assert.Equal($"TOML parse error at line {line}, column {column}: {reason}", error.Message);
    }

    /// <summary>
    /// One line per tree: <c>{key=value@line:col, ...}@line:col</c>. Strings are quoted with C-style escapes,
    /// floats are <c>float(…)</c>, dates are <c>odt(…)</c>, <c>ldt(…)</c>, <c>ld(…)</c> or <c>lt(…)</c>, and an
    /// array of tables is <c>[[…]]</c>.
    /// </summary>
    public static string Dump(TomlValue value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                text.Append('{');
                foreach (var (key, child) in table)
                {
                    text.Append(text[^1] == '{' ? "" : ", ").Append(Quote(key, bareIfPossible: true)).Append('=');
                    Append(text, child);
                }

                text.Append('}');
                break;
            case TomlArray array:
                text.Append(array.IsArrayOfTables ? "[[" : "[");
                for (int i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, array[i]);
                }

                text.Append(array.IsArrayOfTables ? "]]" : "]");
                break;
            case TomlString s:
                text.Append(Quote(s.Value, bareIfPossible: false));
                break;
            case TomlInteger i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case TomlFloat f:
                text.Append("float(").Append(f.Value.ToString("R", CultureInfo.InvariantCulture)).Append(')');
                break;
            case TomlBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            case TomlDateTime d:
                text.Append(d.Kind switch
                {
                    TomlKind.OffsetDateTime => $"odt({d.WallClock:yyyy-MM-ddTHH:mm:ss.fffffff}{(d.UtcOffset < TimeSpan.Zero ? "-" : "+")}{d.UtcOffset:hh\\:mm})",
                    TomlKind.LocalDateTime => $"ldt({d.Local:yyyy-MM-ddTHH:mm:ss.fffffff})",
                    TomlKind.LocalDate => $"ld({d.Date:yyyy-MM-dd})",
                    _ => $"lt({d.Time:HH:mm:ss.fffffff})",
                });
                break;
        }

        text.Append('@').Append(value.Position.Line).Append(':').Append(value.Position.Column);
    }

    private static string Quote(string text, bool bareIfPossible)
    {
        if (bareIfPossible && text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return text;
        }

        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\x7F' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
