using System.Text;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Flush;

/// <summary>Builds test stores and renders a store as sorted lines (definitions and every entry, bytes as hex),
/// so two stores compare with one Assert.Equal.</summary>
internal static class StoreDump
{
    /// <param name="store">The store.</param>
    /// <param name="persisted">Render what a flush keeps: no tables in <c>system</c>, volatile tables empty.</param>
    public static List<string> Dump(CoreStore store, bool persisted = false)
    {
        var lines = new List<string>();
        foreach (var keyspace in store.Keyspaces)
        {
            lines.Add($"keyspace {keyspace.Name}");
            foreach (var table in keyspace.Tables)
            {
                if (persisted && keyspace.Name == CoreStore.SystemName)
                {
                    continue;
                }

                var empty = persisted && table.IsVolatile;
                var prefix = $"{keyspace.Name}:{table.Name}";
                lines.Add($"table {prefix} model {(byte)table.Model} volatile {table.IsVolatile} count {(empty ? 0 : table.Count)}");
                var keys = new List<byte[]>();
                table.CopyKeys(keys, empty ? 0 : long.MaxValue);
                foreach (var key in keys)
                {
                    lines.Add($"{prefix} {Convert.ToHexString(key)} = {Value(table, key)}");
                }
            }
        }

        foreach (var table in store.SystemTables)
        {
            lines.Add($"system table {table.Name} volatile {table.IsVolatile}");
            if (persisted && table.IsVolatile)
            {
                continue;
            }

            foreach (var (key, value) in table.Copy())
            {
                lines.Add($"system {table.Name} {Convert.ToHexString(key)} = {Convert.ToHexString(value)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static Table Table(CoreStore store, string keyspace, string table, TableModel model = TableModel.BinstrBinstr, bool isVolatile = false)
    {
        var space = store.GetKeyspace(Encoding.ASCII.GetBytes(keyspace));
        if (space is null)
        {
            Assert.Equal(DdlResult.Okay, store.CreateKeyspace(keyspace));
            space = store.GetKeyspace(Encoding.ASCII.GetBytes(keyspace))!;
        }

        Assert.Equal(DdlResult.Okay, store.CreateTable(space, table, model, isVolatile));
        return space.GetTable(Encoding.ASCII.GetBytes(table))!;
    }

    public static void Set(Table table, string key, string value) => table.Kv!.Upsert(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));

    public static void Push(Table table, string name, params string[] elements) =>
        table.Lists!.Upsert(Encoding.UTF8.GetBytes(name), new StoredList([.. elements.Select(Encoding.UTF8.GetBytes)]));

    /// <summary>A store with extra keyspaces, every model, volatile tables, binary keys and values, empty and long
    /// lists, user tables in <c>system</c> (which are not persisted), and hidden system tables: <c>auth</c> with
    /// users, and a volatile one whose users are not persisted.</summary>
    public static CoreStore Rich()
    {
        var store = new CoreStore();
        Set(store.DefaultTable, "x", "100");
        store.DefaultTable.Kv!.Upsert([0, 255, 10, 13], [0, 0, 1, 128, 255]);
        store.DefaultTable.Kv!.Upsert([], []);
        foreach (var model in Enum.GetValues<TableModel>())
        {
            var name = $"m{(byte)model}";
            var table = Table(store, "models", name, model);
            var volatileTable = Table(store, "models", name + "v", model, isVolatile: true);
            for (var i = 0; i < 50; i++)
            {
                if (model.IsList())
                {
                    Push(table, $"list{i}", [.. Enumerable.Range(0, i % 5).Select(e => $"e{e}-{i}")]);
                    Push(volatileTable, $"gone{i}", "x");
                }
                else
                {
                    Set(table, $"key{i}", new string('v', i));
                    Set(volatileTable, $"gone{i}", "x");
                }
            }
        }

        var binary = Table(store, "bin", "lists", TableModel.BinstrListBinstr);
        binary.Lists!.Upsert([1, 2, 0, 3], new StoredList([[0], [], [255, 254], new byte[70_000]]));
        _ = Table(store, "emptyks", "nothing", TableModel.StrStr);
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("noTables"));
        Set(Table(store, "system", "mine"), "lost", "on restart");
        var auth = store.GetOrCreateSystemTable("auth");
        auth.Set(Encoding.UTF8.GetBytes("root"), [.. Enumerable.Range(0, 40).Select(i => (byte)i)]);
        auth.Set(new byte[40], new byte[40]);
        store.GetOrCreateSystemTable("spare", isVolatile: true).Set([1], new byte[40]);
        return store;
    }

    private static string Value(Table table, byte[] key)
    {
        if (table.Kv is { } kv)
        {
            return kv.TryGetValue(key, out var value) ? Convert.ToHexString(value) : "<gone>";
        }

        return table.Lists!.TryGetValue(key, out var list) ? string.Join(",", list.Items.Select(Convert.ToHexString)) : "<gone>";
    }
}
