using SkydFast.Engine.Actions.Kv;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Strong;

/// <summary>
/// Applies a strong action's writes, with every shard of its keys held. <paramref name="values"/> holds the copied
/// values of a pair action (one per pair), <paramref name="seen"/> the value each key had during the scan.
/// </summary>
internal delegate void StrongApply(ShardedMap<byte[]> map, QueryArgs args, ReadOnlySpan<byte[]?> values, ReadOnlySpan<byte[]?> seen);

/// <summary>
/// The shape SSET, SUPDATE and SDEL share (actions.md §3, DECISIONS.md 15): lock the shards of every key in
/// ascending order, scan the items in argument order (the first encoding failure or the first key in the wrong
/// state decides the reply), check poisoning again, apply every write, unlock. Holding all the locks makes the
/// group atomic against concurrent writers and against MGET, which reads under the same locks.
/// </summary>
internal static class StrongWrite
{
    /// <summary>Runs a strong action whose items are pairs (<paramref name="pairs"/>) or single keys.</summary>
    /// <param name="context">The action's context.</param>
    /// <param name="pairs">Whether the arguments are key/value pairs (SSET, SUPDATE) rather than keys (SDEL).</param>
    /// <param name="mustExist">Whether every key must be present (SUPDATE, SDEL) or absent (SSET).</param>
    /// <param name="apply">The writes, run only when the scan passed and the store is not poisoned.</param>
    public static void Run(in ActionContext context, bool pairs, bool mustExist, StrongApply apply)
    {
        var table = context.RequiredTable;
        var args = context.Args;
        var map = table.Kv!;
        var stride = pairs ? 2 : 1;
        var items = args.Count / stride;

        // Values are copied before the locks are taken, so the only allocations under them are new keys (SSET).
        using var values = new PooledValues(pairs ? items : 0);
        for (var p = 0; p < values.Items.Length; p++)
        {
            values.Items[p] = args[(2 * p) + 1].ToArray();
        }

        // Only SUPDATE needs what its scan saw (see SUpdateAction).
        using var seen = new PooledValues(pairs && mustExist ? items : 0);
        ReadOnlySpan<byte> reply;
        using (var shards = new KeyShards(stackalloc int[KeyShards.StackLimit], map, args, stride))
        using (map.LockShards(shards.Indexes))
        {
            reply = Scan(table, args, stride, mustExist, seen.Items);
            if (reply.IsEmpty)
            {
                if (context.IsPoisoned)
                {
                    reply = Responses.ServerError;
                }
                else
                {
                    apply(map, args, values.Items, seen.Items);
                    reply = Responses.Okay;
                }
            }
        }

        context.Writer.WriteRaw(reply);
    }

    /// <summary>The reply of the first bad item in argument order, or an empty span when every item passed.</summary>
    private static ReadOnlySpan<byte> Scan(Table table, QueryArgs args, int stride, bool mustExist, Span<byte[]?> seen)
    {
        var map = table.Kv!;
        for (int i = 0, p = 0; i < args.Count; i += stride, p++)
        {
            var key = args[i];
            var encodingOk = stride == 2 ? KvChecks.PairOk(table, key, args[i + 1]) : StrChecks.KeyOk(table, key);
            if (!encodingOk)
            {
                return Responses.EncodingError;
            }

            var present = map.TryGetLocked(key, out var value);
            if (present != mustExist)
            {
                return mustExist ? Responses.Nil : Responses.OverwriteError;
            }

            if (!seen.IsEmpty)
            {
                seen[p] = value;
            }
        }

        return default;
    }
}
