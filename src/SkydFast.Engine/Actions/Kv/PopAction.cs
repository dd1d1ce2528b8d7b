using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>POP key</c>: removes the key and returns its value, or Nil (actions.md §3).</summary>
public static class PopAction
{
    public static void Run(in ActionContext context)
    {
        var table = context.RequiredTable;
        var key = context.Args[0];
        if (!StrChecks.KeyOk(table, key))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        if (table.Kv!.TryRemove(key, out var value))
        {
            context.Writer.WriteValue(table.Model.ValueSymbol(), value);
        }
        else
        {
            context.Writer.WriteRaw(Responses.Nil);
        }
    }
}
