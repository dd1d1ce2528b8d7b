using System.Buffers;
using System.Text.Unicode;

namespace SkydFast.Host.Configuration.Toml;

/// <summary>Reads TOML 1.0 documents (https://toml.io/en/v1.0.0) strictly: anything the spec rejects is an error.</summary>
public static class TomlReader
{
    /// <summary>
    /// Parses <paramref name="text"/> and returns its root table. A leading BOM (U+FEFF) is ignored.
    /// Throws <see cref="TomlException"/>, with the line and column, for any invalid document.
    /// </summary>
    public static TomlTable Parse(string text) => new TomlParser(text).ParseDocument();

    /// <summary>
    /// Parses a UTF-8 document (a leading BOM is ignored). Invalid UTF-8 is a <see cref="TomlException"/> at the
    /// first bad byte, since TOML documents must be valid UTF-8; prefer this to decoding with replacement characters.
    /// </summary>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8)
    {
        // UTF-8 never needs more UTF-16 units than bytes.
        char[] chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false);
        string text = new(chars, 0, written);
        if (status != OperationStatus.Done)
        {
            // Decoding stops at the first invalid sequence, so the end of the decoded text is where it starts.
            var map = new LineMap(text, TomlParser.StartAfterBom(text));
            throw new TomlException(map.At(text.Length), "invalid UTF-8: a TOML document must be valid UTF-8");
        }

        return Parse(text);
    }
}
