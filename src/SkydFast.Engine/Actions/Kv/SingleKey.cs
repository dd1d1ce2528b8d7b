using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>GET and POP (actions.md §3): KENC, then the value (read, or removed) or Nil.</summary>
internal static class SingleKey
{
    public static void Run(in ActionContext context, bool remove)
    {
        var table = context.RequiredTable;
        var key = context.Args[0];
        if (!StrChecks.KeyOk(table, key))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        var map = table.Kv!;
        if (remove ? map.TryRemove(key, out var value) : map.TryGetValue(key, out value))
        {
            context.Writer.WriteValue(table.Model.ValueSymbol(), value);
        }
        else
        {
            context.Writer.WriteRaw(Responses.Nil);
        }
    }
}
