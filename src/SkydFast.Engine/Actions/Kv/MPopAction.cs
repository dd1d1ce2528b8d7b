using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MPOP key ...</c>: removes every key and returns a typed array of the removed values, null for a key
/// that was absent (a repeated key yields null the second time) (actions.md §3). Like MGET, all keys are
/// taken under their shards' locks at once.
/// </summary>
public static class MPopAction
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
                map.TryRemoveLocked(args[i], out values.Items[i]);
            }
        }

        MGetAction.WriteValues(context.Writer, table.Model.ValueSymbol(), values.Items);
    }
}
