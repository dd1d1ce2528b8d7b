using System.Buffers;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>What a list lookup found, for the handlers that answer after releasing the shard lock.</summary>
internal enum ListOutcome : byte
{
    /// <summary>The list was found and the operation done.</summary>
    Found,

    /// <summary>No such list: Nil.</summary>
    Missing,

    /// <summary>An index or slice outside the list: <c>bad-list-index</c>.</summary>
    BadIndex,

    /// <summary>FIRST/LAST of an empty list: <c>list-is-empty</c>.</summary>
    Empty,

    /// <summary>An element failed VENC: code 9.</summary>
    Encoding,

    /// <summary>The store refuses writes: code 5.</summary>
    Poisoned,
}

/// <summary>Which element <see cref="ListElements.WriteOne"/> picks.</summary>
internal enum Position : byte
{
    /// <summary>The element at a given index.</summary>
    At,

    /// <summary>The first element.</summary>
    First,

    /// <summary>The last element.</summary>
    Last,
}

/// <summary>
/// Reading and copying list elements. Elements are immutable arrays, so a reader copies references out under
/// the key's shard lock (into a pooled array: no allocation once warm) and encodes the reply after unlocking,
/// which keeps the lock held for a memory copy rather than for socket-buffer writes.
/// </summary>
internal static class ListElements
{
    /// <summary>
    /// Writes elements <c>[start, stop)</c> of the list <paramref name="key"/> as a typed array. Without
    /// <paramref name="stop"/> the slice runs to the end; with <paramref name="clampStop"/> a stop past the end
    /// is cut to the length (LIMIT), otherwise it is a bad index (RANGE). Missing list → Nil.
    /// </summary>
    public static void WriteSlice(in ActionContext context, ReadOnlySpan<byte> key, ulong start, ulong? stop, bool clampStop)
    {
        var table = context.RequiredTable;
        byte[][] copied = [];
        var count = 0;
        var outcome = ListOutcome.Missing;
        using (table.Lists!.LockShardOf(key))
        {
            if (table.Lists.TryGetLocked(key, out var list))
            {
                var items = list.Items;
                var length = (ulong)items.Count;
                var end = stop ?? length;
                if (clampStop)
                {
                    end = Math.Min(end, length);
                }

                if (start > end || end > length)
                {
                    outcome = ListOutcome.BadIndex;
                }
                else
                {
                    outcome = ListOutcome.Found;
                    count = (int)(end - start);
                    copied = ArrayPool<byte[]>.Shared.Rent(count);
                    items.CopyTo((int)start, copied, 0, count);
                }
            }
        }

        if (outcome != ListOutcome.Found)
        {
            WriteStatus(context.Writer, outcome);
            return;
        }

        var writer = context.Writer;
        writer.WriteTypedArrayHeader(table.Model.ValueSymbol(), count);
        foreach (var element in copied.AsSpan(0, count))
        {
            writer.WriteArrayEntry(element);
        }

        Release(copied, count);
    }

    /// <summary>Copies every argument of <paramref name="args"/> into a fresh array, held in a pooled buffer.</summary>
    public static byte[][] CopyArgs(QueryArgs args, out int count)
    {
        count = args.Count;
        var copies = ArrayPool<byte[]>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            copies[i] = args[i].ToArray();
        }

        return copies;
    }

    /// <summary>Clears the references a pooled buffer holds (so it keeps no element alive) and returns it.</summary>
    public static void Release(byte[][] pooled, int count)
    {
        if (pooled.Length == 0)
        {
            return;
        }

        Array.Clear(pooled, 0, count);
        ArrayPool<byte[]>.Shared.Return(pooled);
    }

    /// <summary>
    /// Writes one element of the list <paramref name="key"/> as a value, removing it when <paramref name="remove"/>
    /// is set (LMOD POP). <see cref="Position.At"/> needs <paramref name="index"/> &lt; length (else
    /// <c>bad-list-index</c>); <see cref="Position.First"/> and <see cref="Position.Last"/> on an empty list answer
    /// <paramref name="whenEmpty"/>. Missing list → Nil.
    /// </summary>
    public static void WriteOne(in ActionContext context, ReadOnlySpan<byte> key, Position position, ulong index, ListOutcome whenEmpty, bool remove)
    {
        var table = context.RequiredTable;
        byte[]? element = null;
        var outcome = ListOutcome.Missing;
        using (table.Lists!.LockShardOf(key))
        {
            // POP changes the list in place: a snapshot in progress must keep the old elements first.
            var found = remove ? table.Lists.TryGetForWriteLocked(key, out var list) : table.Lists.TryGetLocked(key, out list);
            if (found)
            {
                var items = list!.Items;
                if (position == Position.At)
                {
                    outcome = index < (ulong)items.Count ? ListOutcome.Found : ListOutcome.BadIndex;
                }
                else
                {
                    outcome = items.Count > 0 ? ListOutcome.Found : whenEmpty;
                    index = position == Position.First ? 0 : (ulong)items.Count - 1;
                }

                if (outcome == ListOutcome.Found)
                {
                    element = items[(int)index];
                    if (remove)
                    {
                        items.RemoveAt((int)index);
                    }
                }
            }
        }

        if (element is null)
        {
            WriteStatus(context.Writer, outcome);
            return;
        }

        context.Writer.WriteValue(table.Model.ValueSymbol(), element);
    }

    /// <summary>Writes the element for <paramref name="outcome"/>: Okay for <see cref="ListOutcome.Found"/>, else the error.</summary>
    public static void WriteStatus(ResponseWriter writer, ListOutcome outcome) => writer.WriteRaw(outcome switch
    {
        ListOutcome.Found => Responses.Okay,
        ListOutcome.Missing => Responses.Nil,
        ListOutcome.BadIndex => Responses.BadListIndex,
        ListOutcome.Empty => Responses.ListIsEmpty,
        ListOutcome.Encoding => Responses.EncodingError,
        _ => Responses.ServerError,
    });
}
