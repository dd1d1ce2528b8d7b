using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>POP key</c>: removes the key and returns its value, or Nil (actions.md §3).</summary>
public static class PopAction
{
    public static void Run(in ActionContext context) => SingleKey.Run(context, remove: true);
}
