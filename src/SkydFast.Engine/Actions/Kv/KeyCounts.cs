using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// DEL and EXISTS (actions.md §3): on either model, KENC over every key, then (DEL only) the poison check, then
/// the number of arguments that removed / named a present key.
/// </summary>
internal static class KeyCounts
{
    public static void Run(in ActionContext context, bool remove)
    {
        if (!KvChecks.AllKeysOkOrReply(context))
        {
            return;
        }

        if (remove && context.IsPoisoned)
        {
            context.Writer.WriteRaw(Responses.ServerError);
            return;
        }

        var table = context.RequiredTable;
        var counted = table.Kv is { } kv ? Count(kv, context.Args, remove) : Count(table.Lists!, context.Args, remove);
        context.Writer.WriteUnsigned(counted);
    }

    private static ulong Count<TValue>(ShardedMap<TValue> map, QueryArgs keys, bool remove)
        where TValue : class
    {
        ulong counted = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (remove ? map.Remove(keys[i]) : map.ContainsKey(keys[i]))
            {
                counted++;
            }
        }

        return counted;
    }
}
