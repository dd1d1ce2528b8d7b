using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

/// <summary>
/// <c>SDEL key ...</c>: all or nothing. The first key in argument order that fails encoding (code 9) or is
/// absent (Nil) decides the reply; otherwise every key is removed (actions.md §3), atomically (DECISIONS.md 15).
/// </summary>
public static class SDelAction
{
    public static void Run(in ActionContext context) => StrongWrite.Run(context, pairs: false, mustExist: true, static (map, args, _, _) =>
    {
        for (var i = 0; i < args.Count; i++)
        {
            map.RemoveLocked(args[i]);
        }
    });
}
