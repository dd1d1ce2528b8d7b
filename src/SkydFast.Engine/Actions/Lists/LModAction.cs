using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// <c>LMOD list CLEAR | PUSH v... | REMOVE i | INSERT i v | POP [i]</c> (actions.md §4). Every sub-action is a
/// write, but each places its checks (arity, number, encoding, poison, lookup) in its own order, which is
/// observable and kept exactly. New elements are copied before the shard lock is taken, so the lock is never
/// held across an allocation that could start a GC. Lists change in place, so every sub-action finds its list
/// with <c>TryGetForWriteLocked</c>: a snapshot in progress keeps the old elements first.
/// </summary>
public static class LModAction
{
    public static void Run(in ActionContext context)
    {
        var args = context.Args;
        var writer = context.Writer;
        var key = args[0];
        var sub = args[1];
        var extra = args.Count - 2;
        ulong index;
        if (Ascii.EqualsIgnoreCase(sub, "CLEAR"u8))
        {
            // No key encoding check: an invalid name is simply not found.
            if (ListChecks.Arity(writer, extra == 0))
            {
                Clear(context, key);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "PUSH"u8))
        {
            if (ListChecks.Arity(writer, extra >= 1))
            {
                Push(context, key);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "REMOVE"u8))
        {
            if (ListChecks.Arity(writer, extra == 1) && ListChecks.Number(writer, args[2], out index)
                && ListChecks.NotPoisoned(context))
            {
                EditAt(context, key, index, inserted: null);
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "INSERT"u8))
        {
            if (ListChecks.Arity(writer, extra == 2) && ListChecks.Number(writer, args[2], out index)
                && ListChecks.Value(context, args[3]) && ListChecks.NotPoisoned(context) && ListChecks.Key(context, key))
            {
                EditAt(context, key, index, args[3].ToArray());
            }
        }
        else if (Ascii.EqualsIgnoreCase(sub, "POP"u8))
        {
            if (!ListChecks.Arity(writer, extra <= 1))
            {
                return;
            }

            // Without an index the last element goes; an empty list is a bad index either way.
            index = 0;
            if (extra == 1 && !ListChecks.Number(writer, args[2], out index))
            {
                return;
            }

            if (ListChecks.NotPoisoned(context) && ListChecks.Key(context, key))
            {
                var position = extra == 1 ? Position.At : Position.Last;
                ListElements.WriteOne(context, key, position, index, ListOutcome.BadIndex, remove: true);
            }
        }
        else
        {
            writer.WriteRaw(Responses.UnknownAction);
        }
    }

    // Lookup (missing → Nil), then POISON.
    private static void Clear(in ActionContext context, ReadOnlySpan<byte> key)
    {
        var lists = context.RequiredTable.Lists!;
        var poisoned = context.IsPoisoned;
        var outcome = ListOutcome.Missing;
        using (lists.LockShardOf(key))
        {
            if (lists.TryGetForWriteLocked(key, out var list))
            {
                outcome = poisoned ? ListOutcome.Poisoned : ListOutcome.Found;
                if (!poisoned)
                {
                    list.Items.Clear();
                }
            }
        }

        ListElements.WriteStatus(context.Writer, outcome);
    }

    // Lookup (missing → Nil), VENC over every value, then POISON.
    private static void Push(in ActionContext context, ReadOnlySpan<byte> key)
    {
        var table = context.RequiredTable;
        var values = context.Args.From(2);
        var encodingOk = true;
        for (var i = 0; i < values.Count && encodingOk; i++)
        {
            encodingOk = StrChecks.ValueOk(table, values[i]);
        }

        var poisoned = context.IsPoisoned;
        byte[][] copies = [];
        var count = 0;
        if (encodingOk && !poisoned)
        {
            copies = ListElements.CopyArgs(values, out count);
        }

        var outcome = ListOutcome.Missing;
        using (table.Lists!.LockShardOf(key))
        {
            if (table.Lists.TryGetForWriteLocked(key, out var list))
            {
                outcome = !encodingOk ? ListOutcome.Encoding : poisoned ? ListOutcome.Poisoned : ListOutcome.Found;
                if (outcome == ListOutcome.Found)
                {
                    list.Items.AddRange(copies.AsSpan(0, count));
                }
            }
        }

        ListElements.Release(copies, count);
        ListElements.WriteStatus(context.Writer, outcome);
    }

    // REMOVE (inserted is null) or INSERT: either needs index < length; inserting at the end (index = length)
    // is refused, as upstream does.
    private static void EditAt(in ActionContext context, ReadOnlySpan<byte> key, ulong index, byte[]? inserted)
    {
        var lists = context.RequiredTable.Lists!;
        var outcome = ListOutcome.Missing;
        using (lists.LockShardOf(key))
        {
            if (lists.TryGetForWriteLocked(key, out var list))
            {
                outcome = index < (ulong)list.Items.Count ? ListOutcome.Found : ListOutcome.BadIndex;
                if (outcome == ListOutcome.Found && inserted is null)
                {
                    list.Items.RemoveAt((int)index);
                }
                else if (outcome == ListOutcome.Found)
                {
                    list.Items.Insert((int)index, inserted!);
                }
            }
        }

        ListElements.WriteStatus(context.Writer, outcome);
    }
}
