using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MPOP key ...</c>: removes every key and returns a typed array of the removed values, null for a key that
/// was absent (a repeated key yields null the second time) (actions.md §3); all keys are taken under their shard
/// locks at once (see <see cref="LockedKeys"/>).
/// </summary>
public static class MPopAction
{
    public static void Run(in ActionContext context) => LockedKeys.Run(context, remove: true);
}
