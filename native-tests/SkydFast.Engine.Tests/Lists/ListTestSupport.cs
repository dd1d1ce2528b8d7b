using System.Globalization;
using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Lists;

/// <summary>Expected response packets of a simple query, as Latin-1 strings (one char per byte).</summary>
internal static class R
{
    public const string Ok = "*1\n!1\n0\n";
    public const string Nil = "*1\n!1\n1\n";
    public const string Ovw = "*1\n!1\n2\n";
    public const string Aerr = "*1\n!1\n3\n";
    public const string Serr = "*1\n!1\n5\n";
    public const string Wt = "*1\n!1\n7\n";
    public const string Enc = "*1\n!1\n9\n";
    public const string UnknownAction = "*1\n!14\nUnknown action\n";
    public const string WrongModel = "*1\n!11\nwrong-model\n";
    public const string Unset = "*1\n!23\ndefault-container-unset\n";
    public const string NotFound = "*1\n!19\ncontainer-not-found\n";
    public const string Malformed = "*1\n!20\nmalformed-expression\n";
    public const string BadName = "*1\n!18\nbad-container-name\n";
    public const string BadIndex = "*1\n!14\nbad-list-index\n";
    public const string ListEmpty = "*1\n!13\nlist-is-empty\n";

    /// <summary>A byte that is never valid UTF-8.</summary>
    public static readonly byte[] BadUtf8 = [0xFF];

    public static string Int(long n)
    {
        var digits = n.ToString(CultureInfo.InvariantCulture);
        return $"*1\n:{digits.Length}\n{digits}\n";
    }

    /// <summary>A single value with type symbol <paramref name="t"/> (<c>+</c> or <c>?</c>).</summary>
    public static string Val(char t, string s) => $"*1\n{t}{s.Length}\n{s}\n";

    /// <summary>A typed array of <paramref name="items"/>, in order.</summary>
    public static string Arr(char t, params string[] items)
    {
        var sb = new StringBuilder($"*1\n@{t}{items.Length}\n");
        foreach (var item in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{item.Length}\n{item}\n");
        }

        return sb.ToString();
    }

    /// <summary>Parses a typed-array reply (no nulls) into its symbol and entries, for unordered comparisons.</summary>
    public static (char Symbol, List<string> Items) ParseArray(string reply)
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
            pos += length + 1;
        }

        Assert.Equal(reply.Length, pos);
        return (symbol, items);
    }

    private static string ReadLine(string s, ref int pos)
    {
        var end = s.IndexOf('\n', pos);
        var line = s[pos..end];
        pos = end + 1;
        return line;
    }
}

/// <summary>Engine harnesses positioned on a list table <c>default:l</c>, and text-returning queries.</summary>
internal static class ListHarness
{
    public static EngineHarness Create(TableModel model = TableModel.StrListStr)
    {
        var h = new EngineHarness();
        Assert.Equal(DdlResult.Okay, h.Store.CreateTable(h.Store.DefaultKeyspace, "l", model, false));
        Assert.Equal(R.Ok, h.Text("USE", "default:l"));
        return h;
    }

    /// <summary>A list table holding <c>mylist</c> with <paramref name="elements"/> and the empty list <c>empty</c>.</summary>
    public static EngineHarness CreateWithLists(TableModel model, params string[] elements)
    {
        var h = Create(model);
        Assert.Equal(R.Ok, h.Text(["LSET", "mylist", .. elements]));
        Assert.Equal(R.Ok, h.Text("LSET", "empty"));
        return h;
    }

    public static string Text(this EngineHarness h, params string[] args) => Encoding.Latin1.GetString(h.Query(args));

    public static string Text(this EngineHarness h, params byte[][] args) => Encoding.Latin1.GetString(h.Query(args));

    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
}
