using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Lists;

/// <summary><c>DBSIZE [entity]</c>: the number of entries (keys or lists) of a table (actions.md §3).</summary>
public static class DbSizeAction
{
    public static void Run(in ActionContext context)
    {
        if (OptionalEntity.TryResolve(context, out var table))
        {
            context.Writer.WriteUnsigned((ulong)table.Count);
        }
    }
}
