using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>EXISTS key ...</c> on either model: the number of arguments naming a present key, a repeated argument
/// counted each time (actions.md §3).
/// </summary>
public static class ExistsAction
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

        ulong present = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var found = table.Kv is { } kv ? kv.ContainsKey(args[i]) : table.Lists!.ContainsKey(args[i]);
            if (found)
            {
                present++;
            }
        }

        context.Writer.WriteUnsigned(present);
    }
}
