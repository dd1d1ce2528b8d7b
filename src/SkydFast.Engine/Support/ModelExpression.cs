using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Support;

/// <summary>The outcome of parsing a model expression (model-and-ddl.md §4.3), one per error it can answer.</summary>
public enum ModelParseResult : byte
{
    /// <summary>A valid expression; the model code is set.</summary>
    Okay,

    /// <summary><c>malformed-expression</c>.</summary>
    Malformed,

    /// <summary><c>unknown-model</c>: the name before <c>(</c> is not <c>keymap</c>.</summary>
    UnknownModel,

    /// <summary><c>too-many-args</c>: a type count other than two, with no empty piece.</summary>
    TooManyArgs,

    /// <summary><c>bad-type-for-key</c>: a list as the key type.</summary>
    BadTypeForKey,

    /// <summary>Response code 8: a type name that is not one of the four.</summary>
    UnknownDataType,
}

/// <summary>
/// Parses <c>keymap(&lt;key&gt;,&lt;value&gt;)</c> into a <see cref="TableModel"/> by upstream's steps, first failure
/// wins (model-and-ddl.md §4.3). The caller has already checked that the bytes are UTF-8.
/// </summary>
public static class ModelExpression
{
    /// <summary>Parses <paramref name="expr"/> (valid UTF-8).</summary>
    public static ModelParseResult Parse(ReadOnlySpan<byte> expr, out TableModel model)
    {
        model = default;

        // 1-2. Exactly one '(' with something on both sides.
        var open = expr.IndexOf((byte)'(');
        if (open < 0)
        {
            return ModelParseResult.Malformed;
        }

        var name = expr[..open];
        var args = expr[(open + 1)..];
        if (args.Contains((byte)'(') || name.IsEmpty || args.IsEmpty)
        {
            return ModelParseResult.Malformed;
        }

        // 3. Case-sensitive, untrimmed.
        if (!name.SequenceEqual("keymap"u8))
        {
            return ModelParseResult.UnknownModel;
        }

        // 4.
        if (args[^1] != (byte)')')
        {
            return ModelParseResult.Malformed;
        }

        // 5. Split on ',' and trim each piece; anything but two pieces is too-many-args only if none is empty.
        args = args[..^1];
        var comma = args.IndexOf((byte)',');
        if (comma < 0 || args[(comma + 1)..].Contains((byte)','))
        {
            return AllPiecesNonEmpty(args) ? ModelParseResult.TooManyArgs : ModelParseResult.Malformed;
        }

        var key = Trim(args[..comma]);
        var value = Trim(args[(comma + 1)..]);

        // 6. One syntactically invalid piece is tolerated: it falls through to "unknown data type" below.
        if (!IsTypeSyntax(key) && !IsTypeSyntax(value))
        {
            return ModelParseResult.Malformed;
        }

        // 7.
        var keyType = TypeOf(key);
        var valueType = TypeOf(value);
        if (keyType is ColumnType.ListBinstr or ColumnType.ListStr)
        {
            return ModelParseResult.BadTypeForKey;
        }

        if (keyType == ColumnType.Unknown || valueType == ColumnType.Unknown)
        {
            return ModelParseResult.UnknownDataType;
        }

        // Codes 0-3 are (binstr,binstr), (binstr,str), (str,str), (str,binstr); 4-7 add a list value.
        var code = (keyType, valueType) switch
        {
            (ColumnType.Binstr, ColumnType.Binstr) => 0,
            (ColumnType.Binstr, ColumnType.Str) => 1,
            (ColumnType.Str, ColumnType.Str) => 2,
            (ColumnType.Str, ColumnType.Binstr) => 3,
            (ColumnType.Binstr, ColumnType.ListBinstr) => 4,
            (ColumnType.Binstr, ColumnType.ListStr) => 5,
            (ColumnType.Str, ColumnType.ListBinstr) => 6,
            _ => 7,
        };
        model = (TableModel)code;
        return ModelParseResult.Okay;
    }

    private enum ColumnType : byte
    {
        Unknown,
        Binstr,
        Str,
        ListBinstr,
        ListStr,
    }

    private static ColumnType TypeOf(ReadOnlySpan<byte> piece) =>
        piece.SequenceEqual("binstr"u8) ? ColumnType.Binstr
        : piece.SequenceEqual("str"u8) ? ColumnType.Str
        : piece.SequenceEqual("list<binstr>"u8) ? ColumnType.ListBinstr
        : piece.SequenceEqual("list<str>"u8) ? ColumnType.ListStr
        : ColumnType.Unknown;

    private static bool AllPiecesNonEmpty(ReadOnlySpan<byte> args)
    {
        foreach (var range in args.Split((byte)','))
        {
            if (Trim(args[range]).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>^[a-zA-Z_][a-zA-Z_0-9]*$</c>, or that before the first <c>&lt;</c> and
    /// <c>^&lt;[a-zA-Z][a-zA-Z0-9]+[^&gt;\s]?&gt;$</c> from it on.
    /// </summary>
    private static bool IsTypeSyntax(ReadOnlySpan<byte> piece)
    {
        var lt = piece.IndexOf((byte)'<');
        return lt < 0 ? Entity.IsIdentifier(piece) : Entity.IsIdentifier(piece[..lt]) && IsTypeParameter(piece[lt..]);
    }

    private static bool IsTypeParameter(ReadOnlySpan<byte> s)
    {
        if (s.Length < 4 || s[0] != (byte)'<' || s[^1] != (byte)'>' || !char.IsAsciiLetter((char)s[1]))
        {
            return false;
        }

        var rest = s[2..^1];
        if (AllAsciiAlphanumeric(rest))
        {
            return true;
        }

        // The optional last character: any one scalar but '>' and whitespace, after at least one alphanumeric.
        if (Rune.DecodeLastFromUtf8(rest, out var last, out var width) != System.Buffers.OperationStatus.Done
            || last.Value == '>' || Rune.IsWhiteSpace(last))
        {
            return false;
        }

        var head = rest[..^width];
        return !head.IsEmpty && AllAsciiAlphanumeric(head);
    }

    private static bool AllAsciiAlphanumeric(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (!char.IsAsciiLetterOrDigit((char)b))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }

    /// <summary>Rust's <c>str::trim</c>: strips Unicode whitespace at both ends.</summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        while (Rune.DecodeFromUtf8(s, out var rune, out var width) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            s = s[width..];
        }

        while (Rune.DecodeLastFromUtf8(s, out var rune, out var width) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            s = s[..^width];
        }

        return s;
    }
}
