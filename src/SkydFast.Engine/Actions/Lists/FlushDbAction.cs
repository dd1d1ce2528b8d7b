using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// <c>FLUSHDB [entity]</c>: removes every entry of a table, either model (actions.md §3). The poison check
/// runs in the dispatcher, before the table is resolved.
/// </summary>
public static class FlushDbAction
{
    public static void Run(in ActionContext context)
    {
        if (OptionalEntity.TryResolve(context, out var table))
        {
            table.Clear();
            context.Writer.WriteRaw(Responses.Okay);
        }
    }
}
