using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>GET key</c>: the value, or Nil (actions.md §3).</summary>
public static class GetAction
{
    public static void Run(in ActionContext context) => SingleKey.Run(context, remove: false);
}
