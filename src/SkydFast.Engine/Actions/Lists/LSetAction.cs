using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// <c>LSET list [v1 v2 ...]</c>: creates the list with the given elements (possibly none), or answers code 2
/// with the list unchanged (actions.md §4). Upstream checks no encoding here, neither name nor elements.
/// </summary>
public static class LSetAction
{
    public static void Run(in ActionContext context)
    {
        var args = context.Args;
        // Copied before the insert so the shard lock is never held across allocations; an LSET of an existing
        // list wastes them, which is the rare case.
        var items = new List<byte[]>(args.Count - 1);
        for (var i = 1; i < args.Count; i++)
        {
            items.Add(args[i].ToArray());
        }

        var inserted = context.RequiredTable.Lists!.TryInsert(args[0], new StoredList(items));
        context.Writer.WriteRaw(inserted ? Responses.Okay : Responses.OverwriteError);
    }
}
