using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>USET k1 v1 ...</c>: stores every pair whether present or not; answers the number of pairs (actions.md §3).</summary>
public static class USetAction
{
    public static void Run(in ActionContext context) => PairWrites.Run(context, static (map, key, value) =>
    {
        map.Upsert(key, value.ToArray());
        return true;
    });
}
