using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MGET key ...</c>: a typed array with one entry per argument, the value or null (actions.md §3). All
/// keys are read under their shards' locks at once, so a group written by one SSET / SUPDATE / SDEL is seen
/// whole or not at all (DECISIONS.md 15).
/// </summary>
public static class MGetAction
{
    public static void Run(in ActionContext context)
    {
        var table = context.RequiredTable;
        var args = context.Args;
        if (!KvChecks.AllKeysOk(table, args))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        var map = table.Kv!;
        using var values = new PooledValues(args.Count);
        using (var shards = new KeyShards(stackalloc int[KeyShards.StackLimit], map, args, 1))
        using (map.LockShards(shards.Indexes))
        {
            for (var i = 0; i < args.Count; i++)
            {
                map.TryGetLocked(args[i], out values.Items[i]);
            }
        }

        // Stored values are immutable, so they are written after the locks are gone.
        WriteValues(context.Writer, table.Model.ValueSymbol(), values.Items);
    }

    /// <summary>A typed array of <paramref name="values"/>, nulls as <c>\0</c> entries (MGET, MPOP).</summary>
    internal static void WriteValues(ResponseWriter writer, byte tsymbol, ReadOnlySpan<byte[]?> values)
    {
        writer.WriteTypedArrayHeader(tsymbol, values.Length);
        foreach (var value in values)
        {
            if (value is null)
            {
                writer.WriteArrayNull();
            }
            else
            {
                writer.WriteArrayEntry(value);
            }
        }
    }
}
