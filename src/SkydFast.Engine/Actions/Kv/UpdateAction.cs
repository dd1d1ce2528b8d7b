using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>UPDATE key value</c>: replaces a present value, else Nil (actions.md §3).</summary>
public static class UpdateAction
{
    public static void Run(in ActionContext context)
    {
        var table = context.RequiredTable;
        var key = context.Args[0];
        var value = context.Args[1];
        if (!KvChecks.PairOk(table, key, value))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        // Copied only when the key is present, as in SET.
        context.Writer.WriteRaw(table.Kv!.TryUpdate(key, value, Values.Copy) ? Responses.Okay : Responses.Nil);
    }
}
