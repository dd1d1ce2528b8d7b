using System.Globalization;
using System.Text;
using SkydFast.Client;

namespace SkydFast.Shell;

/// <summary>
/// Prints replies as skysh does: strings in double quotes, binary strings as <c>b"..."</c> with escapes, integers and
/// floats plain, arrays numbered from 1 (<c>(1) "a"</c>, nested ones indented under their number), null entries as
/// <c>(null)</c>, and response codes and error strings as words in parentheses (<c>(Okay)</c>, <c>(Wrong model)</c>).
/// </summary>
internal static class ReplyFormatter
{
    private static readonly Dictionary<string, string> ErrorWords = new(StringComparer.Ordinal)
    {
        ["Unknown action"] = "Unknown action",
        ["err-snapshot-busy"] = "Snapshot busy",
        ["err-snapshot-disabled"] = "Snapshots disabled",
        ["duplicate-snapshot"] = "Duplicate snapshot",
        ["err-invalid-snapshot-name"] = "Invalid snapshot name",
        ["err-access-after-termsig"] = "Access after termination signal",
        ["default-container-unset"] = "No table selected",
        ["container-not-found"] = "Container not found",
        ["still-in-use"] = "Still in use",
        ["err-protected-object"] = "Protected object",
        ["wrong-model"] = "Wrong model",
        ["err-already-exists"] = "Already exists",
        ["not-ready"] = "Not ready",
        ["transactional-failure"] = "Transactional failure",
        ["unknown-ddl-query"] = "Unknown DDL query",
        ["malformed-expression"] = "Malformed expression",
        ["unknown-model"] = "Unknown model",
        ["too-many-args"] = "Too many arguments",
        ["container-name-too-long"] = "Container name too long",
        ["bad-container-name"] = "Bad container name",
        ["unknown-inspect-query"] = "Unknown INSPECT query",
        ["unknown-property"] = "Unknown property",
        ["keyspace-not-empty"] = "Keyspace not empty",
        ["bad-type-for-key"] = "Bad type for key",
        ["bad-list-index"] = "Bad list index",
        ["list-is-empty"] = "List is empty",
        ["unknown-metric"] = "Unknown metric",
        ["err-auth-already-claimed"] = "Already claimed",
        ["err-auth-disabled"] = "Authentication disabled",
        ["err-auth-illegal-username"] = "Illegal username",
        ["err-auth-deluser-fail"] = "Cannot delete this user",
        ["pipeline-not-supported-yet"] = "Pipelines not supported",
    };

    /// <summary>The reply as lines of text.</summary>
    public static List<string> Format(SkyElement reply)
    {
        var lines = new List<string>();
        Append(lines, reply);
        return lines;
    }

    /// <summary>The words for a response code, in parentheses.</summary>
    public static string Words(SkyResponseCode code) => code switch
    {
        SkyResponseCode.Okay => "(Okay)",
        SkyResponseCode.Nil => "(Nil)",
        SkyResponseCode.OverwriteError => "(Overwrite)",
        SkyResponseCode.ActionError => "(Action Error)",
        SkyResponseCode.PacketError => "(Packet Error)",
        SkyResponseCode.ServerError => "(Server Error)",
        SkyResponseCode.OtherError => "(Other Error)",
        SkyResponseCode.WrongType => "(Wrong type)",
        SkyResponseCode.UnknownDataType => "(Unknown data type)",
        SkyResponseCode.EncodingError => "(Encoding Error)",
        SkyResponseCode.BadCredentials => "(Bad credentials)",
        SkyResponseCode.InsufficientPermissions => "(Insufficient permissions)",
        _ => $"(Unknown code {(int)code})",
    };

    /// <summary>The words for an error string, in parentheses; an unknown one is shown as sent.</summary>
    public static string Words(string error) =>
        ErrorWords.TryGetValue(error, out var words) ? $"({words})" : $"(Error: {error})";

    /// <summary>A string's text in double quotes, with quotes, backslashes, control characters and bytes that are
    /// not UTF-8 escaped, so each value stays on one line.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{bytes[0]:x2}");
                bytes = bytes[1..];
                continue;
            }

            if (rune.IsAscii)
            {
                AppendAscii(text, (byte)rune.Value);
            }
            else
            {
                text.Append(rune.ToString());
            }

            bytes = bytes[used..];
        }

        return text.Append('"').ToString();
    }

    /// <summary>Bytes as <c>b"..."</c>: printable ASCII as it is, everything else escaped.</summary>
    public static string Binary(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("b\"");
        foreach (var b in bytes)
        {
            AppendAscii(text, b);
        }

        return text.Append('"').ToString();
    }

    private static void AppendAscii(StringBuilder text, byte b)
    {
        switch (b)
        {
            case (byte)'"' or (byte)'\\':
                text.Append('\\').Append((char)b);
                break;
            case (byte)'\n':
                text.Append("\\n");
                break;
            case (byte)'\r':
                text.Append("\\r");
                break;
            case (byte)'\t':
                text.Append("\\t");
                break;
            case 0:
                text.Append("\\0");
                break;
            case >= 0x20 and < 0x7f:
                text.Append((char)b);
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                break;
        }
    }

    private static void Append(List<string> lines, SkyElement? element)
    {
        switch (element)
        {
            case null:
                lines.Add("(null)");
                break;
            case SkyValue value:
                lines.Add(value.IsBinary ? Binary(value.Bytes.Span) : Quote(value.Bytes.Span));
                break;
            case SkyInteger or SkyFloat:
                lines.Add(element.ToString()!);
                break;
            case SkyCode code:
                lines.Add(Words(code.Code));
                break;
            case SkyErrorString error:
                lines.Add(Words(error.Text));
                break;
            case SkyTypedArray typed:
                AppendItems(lines, typed.Items);
                break;
            case SkyArray array:
                AppendItems(lines, array.Items);
                break;
        }
    }

    private static void AppendItems<T>(List<string> lines, IReadOnlyList<T?> items)
        where T : SkyElement
    {
        if (items.Count == 0)
        {
            lines.Add("(empty array)");
            return;
        }

        var inner = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            inner.Clear();
            Append(inner, items[i]);
            var number = $"({i + 1}) ";
            lines.Add(number + inner[0]);
            var indent = new string(' ', number.Length);
            for (var j = 1; j < inner.Count; j++)
            {
                lines.Add(indent + inner[j]);
            }
        }
    }
}
