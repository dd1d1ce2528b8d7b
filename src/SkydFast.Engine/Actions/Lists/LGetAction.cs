using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// <c>LGET list [LEN | LIMIT n | VALUEAT i | FIRST | LAST | RANGE start [stop]]</c> (actions.md §4). Each form
/// checks, in order: its own argument count (code 3), its numbers (code 7), the list name's encoding (code 9),
/// then the lookup (Nil). Reads allocate nothing.
/// </summary>
public static class LGetAction
{
    public static void Run(in ActionContext context)
    {
        var args = context.Args;
        var writer = context.Writer;
        var key = args[0];
        if (args.Count == 1)
        {
            if (ListChecks.Key(context, key))
            {
                ListElements.WriteSlice(context, key, 0, null, clampStop: false);
            }

            return;
        }

        var sub = args[1];
        var extra = args.Count - 2;
        ulong number;
        if (Ascii.EqualsIgnoreCase(sub, "LEN"u8))
        {
            if (ListChecks.Arity(writer, extra == 0) && ListChecks.Key(context, key))
            {
                WriteLength(context, key);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "LIMIT"u8))
        {
            if (ListChecks.Arity(writer, extra == 1) && ListChecks.Number(writer, args[2], out number) && ListChecks.Key(context, key))
            {
                ListElements.WriteSlice(context, key, 0, number, clampStop: true);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "VALUEAT"u8))
        {
            if (ListChecks.Arity(writer, extra == 1) && ListChecks.Number(writer, args[2], out number) && ListChecks.Key(context, key))
            {
                ListElements.WriteOne(context, key, Position.At, number, ListOutcome.BadIndex, remove: false);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "FIRST"u8))
        {
            if (ListChecks.Arity(writer, extra == 0) && ListChecks.Key(context, key))
            {
                ListElements.WriteOne(context, key, Position.First, 0, ListOutcome.Empty, remove: false);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "LAST"u8))
        {
            if (ListChecks.Arity(writer, extra == 0) && ListChecks.Key(context, key))
            {
                ListElements.WriteOne(context, key, Position.Last, 0, ListOutcome.Empty, remove: false);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "RANGE"u8))
        {
            // Arguments after stop are ignored, as upstream does.
            if (!ListChecks.Arity(writer, extra >= 1) || !ListChecks.Number(writer, args[2], out var start))
            {
                return;
            }

            ulong? stop = null;
            if (extra >= 2)
            {
                if (!ListChecks.Number(writer, args[3], out number))
                {
                    return;
                }

                stop = number;
            }

            if (ListChecks.Key(context, key))
            {
                ListElements.WriteSlice(context, key, start, stop, clampStop: false);
            }
        }
        else
        {
            writer.WriteRaw(Responses.UnknownAction);
        }
    }

    private static void WriteLength(in ActionContext context, ReadOnlySpan<byte> key)
    {
        var lists = context.RequiredTable.Lists!;
        var length = -1;
        using (lists.LockShardOf(key))
        {
            if (lists.TryGetLocked(key, out var list))
            {
                length = list.Items.Count;
            }
        }

        if (length < 0)
        {
            context.Writer.WriteRaw(Responses.Nil);
        }
        else
        {
            context.Writer.WriteUnsigned((ulong)length);
        }
    }
}
