using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

/// <summary>
/// <c>SSET k1 v1 ...</c>: all or nothing. The first pair in argument order that fails encoding (code 9) or
/// names a present key (code 2) decides the reply; otherwise every pair is inserted, a key repeated in the
/// request keeping its first value (actions.md §3), atomically (DECISIONS.md 15).
/// </summary>
public static class SSetAction
{
    public static void Run(in ActionContext context) => StrongWrite.Run(context, pairs: true, mustExist: false, static (map, args, values, _) =>
    {
        for (var p = 0; p < values.Length; p++)
        {
            map.TryInsertLocked(args[2 * p], values[p]!);
        }
    });
}
