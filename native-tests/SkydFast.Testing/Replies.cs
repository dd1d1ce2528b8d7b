using System.Globalization;
using System.Text;
using Xunit;

namespace SkydFast.Testing;

/// <summary>
/// Expected response packets of simple queries, spelled as Latin-1 strings (one char per byte) so comparisons are
/// byte-exact and failures read well. Written out by hand from the spec, independently of the server's own table.
/// </summary>
public static class Replies
{
    public const string Okay = "*1\n!1\n0\n";
    public const string Nil = "*1\n!1\n1\n";
    public const string Overwrite = "*1\n!1\n2\n";
    public const string ActionError = "*1\n!1\n3\n";
    public const string PacketError = "*1\n!1\n4\n";
    public const string ServerError = "*1\n!1\n5\n";
    public const string Wrongtype = "*1\n!1\n7\n";
    public const string UnknownDataType = "*1\n!1\n8\n";
    public const string EncodingError = "*1\n!1\n9\n";
    public const string UnknownAction = "*1\n!14\nUnknown action\n";
    public const string WrongModel = "*1\n!11\nwrong-model\n";
    public const string Unset = "*1\n!23\ndefault-container-unset\n";
    public const string NotFound = "*1\n!19\ncontainer-not-found\n";
    public const string Malformed = "*1\n!20\nmalformed-expression\n";
    public const string BadName = "*1\n!18\nbad-container-name\n";
    public const string BadIndex = "*1\n!14\nbad-list-index\n";
    public const string ListIsEmpty = "*1\n!13\nlist-is-empty\n";
    public const string StillInUse = "*1\n!12\nstill-in-use\n";
    public const string Heya = "*1\n+4\nHEY!\n";

    /// <summary>A byte that can never occur in UTF-8.</summary>
    public static readonly byte[] BadUtf8 = [0xFF];

    /// <summary>An error-string element in a one-element packet.</summary>
    public static string Error(string word) => $"*1\n!{word.Length}\n{word}\n";

    /// <summary>An unsigned integer in a one-element packet.</summary>
    public static string Int(long n)
    {
        var digits = n.ToString(CultureInfo.InvariantCulture);
        return $"*1\n:{digits.Length}\n{digits}\n";
    }

    /// <summary>A <c>+</c> string (ASCII text) in a one-element packet.</summary>
    public static string Str(string text) => Val('+', text);

    /// <summary>A value with type symbol <paramref name="t"/> (<c>+</c> or <c>?</c>) in a one-element packet.</summary>
    public static string Val(char t, string s) => $"*1\n{t}{s.Length}\n{s}\n";

    /// <summary>A typed array <c>@t</c> of <paramref name="items"/> (no nulls), in order, in a one-element packet.</summary>
    public static string Arr(char t, params string[] items)
    {
        var sb = new StringBuilder($"*1\n@{t}{items.Length}\n");
        foreach (var item in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{item.Length}\n{item}\n");
        }

        return sb.ToString();
    }

    /// <summary>Parses a one-element packet holding a typed array without nulls into its symbol and entries.</summary>
    public static (char Symbol, List<string> Items) ParseTypedArray(string reply)
    {
        Assert.StartsWith("*1\n@", reply, StringComparison.Ordinal);
        var symbol = reply[4];
        var pos = 5;
        var count = int.Parse(ReadLine(reply, ref pos), CultureInfo.InvariantCulture);
        var items = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var length = int.Parse(ReadLine(reply, ref pos), CultureInfo.InvariantCulture);
            items.Add(reply.Substring(pos, length));
            pos += length;
            Assert.Equal('\n', reply[pos++]);
        }

        Assert.Equal(reply.Length, pos);
        return (symbol, items);
    }

    /// <summary>The entries of a <c>@+</c> typed array as a set, asserting none repeats (for unordered results).</summary>
    public static HashSet<string> TypedStringSet(string reply)
    {
        var (symbol, items) = ParseTypedArray(reply);
        Assert.Equal('+', symbol);
        var set = new HashSet<string>(items, StringComparer.Ordinal);
        Assert.Equal(items.Count, set.Count);
        return set;
    }

    private static string ReadLine(string s, ref int pos)
    {
        var end = s.IndexOf('\n', pos);
        var line = s[pos..end];
        pos = end + 1;
        return line;
    }
}
