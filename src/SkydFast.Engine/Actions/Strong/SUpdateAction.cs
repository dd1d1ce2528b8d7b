using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

/// <summary>
/// <c>SUPDATE k1 v1 ...</c>: all or nothing. The first pair in argument order that fails encoding (code 9) or
/// names an absent key (Nil) decides the reply; otherwise every pair is replaced (actions.md §3), atomically
/// (DECISIONS.md 15).
/// </summary>
public static class SUpdateAction
{
    public static void Run(in ActionContext context) => StrongWrite.Run(context, pairs: true, mustExist: true, static (map, args, values, seen) =>
    {
        for (var p = 0; p < values.Length; p++)
        {
            // Upstream replaces only if the value still equals the one its scan saw. With the locks held that
            // always holds, except for a key repeated in the request: its later pairs apply only while the
            // earlier ones left the value byte-equal to the scanned one (normally: the first value wins).
            var key = args[2 * p];
            if (map.TryGetLocked(key, out var current) && current.AsSpan().SequenceEqual(seen[p]))
            {
                map.UpsertLocked(key, values[p]!);
            }
        }
    });
}
