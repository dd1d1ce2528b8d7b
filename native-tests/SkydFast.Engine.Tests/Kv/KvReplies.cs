using System.Text;
using SkydFast.Store;
using static SkydFast.Testing.Replies;

namespace SkydFast.Engine.Tests.Kv;

/// <summary>Exact response packets of a simple query, and helpers the key/value tests share.</summary>
internal static class KvReplies
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Creates table <paramref name="name"/> in <c>default</c> with CREATE TABLE and makes it current.</summary>
    public static Table UseTable(this EngineHarness h, string name, TableModel model)
    {
        Assert.Equal(Okay, h.Q("CREATE", "TABLE", "default:" + name, ModelExpression(model)));
        Assert.Equal(Okay, h.Q("USE", "default:" + name));
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
