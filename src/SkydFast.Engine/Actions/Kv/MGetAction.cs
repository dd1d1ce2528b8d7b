using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>MGET key ...</c>: a typed array with one entry per argument, the value or null (actions.md §3), read under
/// all the keys' shard locks at once (see <see cref="LockedKeys"/>).
/// </summary>
public static class MGetAction
{
    public static void Run(in ActionContext context) => LockedKeys.Run(context, remove: false);
}
