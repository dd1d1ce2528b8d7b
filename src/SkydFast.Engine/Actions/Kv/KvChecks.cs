using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>The KENC / VENC checks of the multi-key actions, over every key or every pair of a request.</summary>
internal static class KvChecks
{
    /// <summary>KENC over every argument; on failure writes code 9 and returns false.</summary>
    public static bool AllKeysOkOrReply(in ActionContext context)
    {
        if (AllKeysOk(context.RequiredTable, context.Args))
        {
            return true;
        }

        context.Writer.WriteRaw(Responses.EncodingError);
        return false;
    }

    /// <summary>Whether every argument may be a key of <paramref name="table"/>.</summary>
    public static bool AllKeysOk(Table table, QueryArgs args)
    {
        if (!table.Model.KeyIsStr())
        {
            return true;
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (!StrChecks.KeyOk(table, args[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every key/value pair passes KENC then VENC.</summary>
    public static bool AllPairsOk(Table table, QueryArgs args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!PairOk(table, args[i], args[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>KENC then VENC for one pair.</summary>
    public static bool PairOk(Table table, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        StrChecks.KeyOk(table, key) && StrChecks.ValueOk(table, value);
}
