using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>DEL key ...</c> on either model: every key is checked before anything is removed, then the poison check,
/// then the count of keys actually removed (a repeated key counts once) (actions.md §3).
/// </summary>
public static class DelAction
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

        if (context.IsPoisoned)
        {
            context.Writer.WriteRaw(Responses.ServerError);
            return;
        }

        ulong removed = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var gone = table.Kv is { } kv ? kv.Remove(args[i]) : table.Lists!.Remove(args[i]);
            if (gone)
            {
                removed++;
            }
        }

        context.Writer.WriteUnsigned(removed);
    }
}
