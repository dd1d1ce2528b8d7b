using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>DEL key ...</c> on either model: every key is checked before anything is removed, then the poison check,
/// then the count of keys actually removed (a repeated key counts once) (actions.md §3).
/// </summary>
public static class DelAction
{
    public static void Run(in ActionContext context) => KeyCounts.Run(context, remove: true);
}
