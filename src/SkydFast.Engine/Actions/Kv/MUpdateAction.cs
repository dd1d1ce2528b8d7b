using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MUPDATE k1 v1 ...</c>: replaces each present key, in order, and answers the number of replacements (a
/// repeated key counts each time) (actions.md §3).
/// </summary>
public static class MUpdateAction
{
    public static void Run(in ActionContext context) => PairWrites.Run(context, static (map, key, value) => map.TryUpdate(key, value, Values.Copy));
}
