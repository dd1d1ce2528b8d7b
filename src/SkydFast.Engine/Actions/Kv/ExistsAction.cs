using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>EXISTS key ...</c> on either model: the number of arguments naming a present key, a repeated argument
/// counted each time (actions.md §3).
/// </summary>
public static class ExistsAction
{
    public static void Run(in ActionContext context) => KeyCounts.Run(context, remove: false);
}
