using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>Writes one key/value pair; true when it counts towards the reply.</summary>
internal delegate bool PairWrite(ShardedMap<byte[]> map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

/// <summary>
/// The shape MSET, MUPDATE and USET share (actions.md §3): encoding over all pairs (any failure: code 9, nothing
/// written), then the poison check, then each pair in order, answering how many counted.
/// </summary>
internal static class PairWrites
{
    public static void Run(in ActionContext context, PairWrite write)
    {
        var table = context.RequiredTable;
        var args = context.Args;
        if (!KvChecks.AllPairsOk(table, args))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        if (context.IsPoisoned)
        {
            context.Writer.WriteRaw(Responses.ServerError);
            return;
        }

        var map = table.Kv!;
        ulong counted = 0;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (write(map, args[i], args[i + 1]))
            {
                counted++;
            }
        }

        context.Writer.WriteUnsigned(counted);
    }
}
