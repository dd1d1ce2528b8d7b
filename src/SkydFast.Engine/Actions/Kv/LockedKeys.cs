using SkydFast.Engine.Dispatch;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// MGET and MPOP (actions.md §3): KENC over every key, then every key read (or removed) with all their shards
/// locked at once, so a group written by one SSET / SUPDATE / SDEL is seen whole or not at all (DECISIONS.md 15);
/// then a typed array with one entry per argument, the value or null.
/// </summary>
internal static class LockedKeys
{
    public static void Run(in ActionContext context, bool remove)
    {
        if (!KvChecks.AllKeysOkOrReply(context))
        {
            return;
        }

        var table = context.RequiredTable;
        var args = context.Args;
        var map = table.Kv!;
        using var values = new PooledValues(args.Count);
        using (var shards = new KeyShards(stackalloc int[KeyShards.StackLimit], map, args, 1))
        using (map.LockShards(shards.Indexes))
        {
            for (var i = 0; i < args.Count; i++)
            {
                _ = remove ? map.TryRemoveLocked(args[i], out values.Items[i]) : map.TryGetLocked(args[i], out values.Items[i]);
            }
        }

        // Stored values are immutable, so they are written out after the locks are released.
        var writer = context.Writer;
        writer.WriteTypedArrayHeader(table.Model.ValueSymbol(), values.Items.Length);
        foreach (var value in values.Items)
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
