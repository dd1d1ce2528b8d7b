using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MSET k1 v1 ...</c>: inserts each absent key, in order, and answers the number inserted; a key repeated in
/// the request is inserted once, with its first value (actions.md §3).
/// </summary>
public static class MSetAction
{
    public static void Run(in ActionContext context) => PairWrites.Run(context, static (map, key, value) => map.TryInsert(key, value, Values.Copy));
}
