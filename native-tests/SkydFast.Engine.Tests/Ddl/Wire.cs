using System.Text;

namespace SkydFast.Engine.Tests.Ddl;

/// <summary>Expected response packets, spelled as Latin-1 strings (one char per byte) so failures read well.</summary>
internal static class Wire
{
    public const string Okay = "*1\n!1\n0\n";
    public const string ActionError = "*1\n!1\n3\n";
    public const string ServerError = "*1\n!1\n5\n";
    public const string UnknownDataType = "*1\n!1\n8\n";
    public const string EncodingError = "*1\n!1\n9\n";

    /// <summary>An error-string element in a one-element packet.</summary>
    public static string Error(string word) => $"*1\n!{word.Length}\n{word}\n";

    /// <summary>A <c>+</c> string in a one-element packet.</summary>
    public static string Str(string text) => $"*1\n+{Encoding.UTF8.GetByteCount(text)}\n{text}\n";

    public static string Q(this EngineHarness h, params string[] args) => Encoding.Latin1.GetString(h.Query(args));

    public static string Q(this EngineHarness h, params byte[][] args) => Encoding.Latin1.GetString(h.Query(args));

    /// <summary>The entries of a one-element packet holding a <c>@+</c> typed array, as a set.</summary>
    public static HashSet<string> TypedStringSet(string packet)
    {
        const string head = "*1\n@+";
        Assert.StartsWith(head, packet);
        var pos = head.Length;
        var count = int.Parse(ReadLine(packet, ref pos), System.Globalization.CultureInfo.InvariantCulture);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var length = int.Parse(ReadLine(packet, ref pos), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(set.Add(packet.Substring(pos, length)), "duplicate entry");
            pos += length;
            Assert.Equal('\n', packet[pos++]);
        }

        Assert.Equal(packet.Length, pos);
        return set;
    }

    private static string ReadLine(string packet, ref int pos)
    {
        var end = packet.IndexOf('\n', pos);
        var line = packet[pos..end];
        pos = end + 1;
        return line;
    }
}
