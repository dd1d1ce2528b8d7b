using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// <c>LSKEYS [entity] [limit]</c> (actions.md §3): up to <c>limit</c> keys (default 10) of a table, either
/// model, as a typed array whose symbol is the table's <em>value</em> symbol, as upstream answers.
/// </summary>
public static class LsKeysAction
{
    private const ulong DefaultLimit = 10;

    // A listing buffer retained per thread beyond this many entries would pin memory after one huge LSKEYS.
    private const int MaxRetainedCapacity = 4096;

    // The keys are collected first (the array header carries the count), into a per-thread list so a listing
    // allocates nothing once warm. Handlers run synchronously, so one list per thread is never shared.
    [ThreadStatic]
    private static List<byte[]>? _keys;

    public static void Run(in ActionContext context)
    {
        var args = context.Args;
        var writer = context.Writer;
        Table table;
        var limit = DefaultLimit;
        switch (args.Count)
        {
            case 0:
                if (!Tables.TryCurrent(context, out table))
                {
                    return;
                }

                break;
            case 1 when !args[0].IsEmpty && char.IsAsciiDigit((char)args[0][0]):
                // A lone argument starting with a digit is a limit, parsed before the table is looked at.
                if (!ListChecks.Number(writer, args[0], out limit) || !Tables.TryCurrent(context, out table))
                {
                    return;
                }

                break;
            case 1:
                if (!Tables.TryResolve(context, args[0], out table))
                {
                    return;
                }

                break;
            default:
                // The entity is parsed, then the limit, then the table looked up; a third argument is ignored.
                if (!Tables.WriteEntityError(writer, Entity.Parse(args[0]).Kind) || !TryParseLimit(writer, args[1], out limit)
                    || !Tables.TryResolve(context, args[0], out table))
                {
                    return;
                }

                break;
        }

        WriteKeys(writer, table, limit);
    }

    private static bool TryParseLimit(ResponseWriter writer, ReadOnlySpan<byte> text, out ulong limit)
    {
        if (Ascii.EqualsIgnoreCase(text, "all"u8))
        {
            limit = ulong.MaxValue;
            return true;
        }

        return ListChecks.Number(writer, text, out limit);
    }

    // The limit only bounds the loop: nothing is reserved from it, so 2^64-1 costs what the table holds.
    private static void WriteKeys(ResponseWriter writer, Table table, ulong limit)
    {
        var keys = _keys ??= [];
        table.CopyKeys(keys, (long)Math.Min(limit, long.MaxValue));
        writer.WriteTypedArrayHeader(table.Model.ValueSymbol(), keys.Count);
        foreach (var key in keys)
        {
            writer.WriteArrayEntry(key);
        }

        keys.Clear();
        if (keys.Capacity > MaxRetainedCapacity)
        {
            _keys = null;
        }
    }
}
