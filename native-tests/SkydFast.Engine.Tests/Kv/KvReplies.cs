using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Kv;

/// <summary>Exact response packets of a simple query, and helpers the key/value tests share.</summary>
internal static class KvReplies
{
    public const string Ok = "*1\n!1\n0\n";
    public const string Nil = "*1\n!1\n1\n";
    public const string Overwrite = "*1\n!1\n2\n";
    public const string ActionError = "*1\n!1\n3\n";
    public const string ServerError = "*1\n!1\n5\n";
    public const string EncodingError = "*1\n!1\n9\n";
    public const string Unset = "*1\n!23\ndefault-container-unset\n";
    public const string WrongModel = "*1\n!11\nwrong-model\n";

    /// <summary>A byte that can never occur in UTF-8.</summary>
    public static readonly byte[] BadUtf8 = [0xFF];

    public static string Int(long n) => $"*1\n:{n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length}\n{n}\n";

    /// <summary>One reply as Latin-1: one char per byte, so comparisons are byte-exact.</summary>
    public static string Q(this EngineHarness h, params string[] args) => Encoding.Latin1.GetString(h.Query(args));

    public static string Q(this EngineHarness h, params byte[][] args) => Encoding.Latin1.GetString(h.Query(args));

    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Creates table <paramref name="name"/> in <c>default</c> with CREATE TABLE and makes it current.</summary>
    public static Table UseTable(this EngineHarness h, string name, TableModel model)
    {
        Assert.Equal(Ok, h.Q("CREATE", "TABLE", "default:" + name, ModelExpression(model)));
        Assert.Equal(Ok, h.Q("USE", "default:" + name));
        var table = h.Session.CurrentTable!;
        Assert.Equal(model, table.Model);
        return table;
    }

    /// <summary>The <c>keymap(...)</c> expression of <paramref name="model"/>.</summary>
    public static string ModelExpression(TableModel model)
    {
        var key = model.KeyIsStr() ? "str" : "binstr";
        var value = model.ValueIsStr() ? "str" : "binstr";
        return model.IsList() ? $"keymap({key},list<{value}>)" : $"keymap({key},{value})";
    }

    /// <summary>A list table <c>lt</c> (str keys, str elements), current.</summary>
    public static Table UseListTable(this EngineHarness h) => h.UseTable("lt", TableModel.StrListStr);

    /// <summary>The stored value of <paramref name="key"/> in the current key/value table, or null.</summary>
    public static string? Stored(this EngineHarness h, string key) =>
        h.Session.CurrentTable!.Kv!.TryGetValue(B(key), out var v) ? Encoding.Latin1.GetString(v) : null;
}
