using System.Text;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Dispatch;

/// <summary>
/// Runs a parsed packet: one response element per stage, after the checks every action shares, in the order
/// of actions.md §0 (arity, poison, table, model). An action error becomes that stage's element and the
/// pipeline goes on (skyhash-1.0.md §6).
/// </summary>
public static class Dispatcher
{
    /// <summary>Writes the response packet for <paramref name="query"/>.</summary>
    /// <param name="query">The parsed packet.</param>
    /// <param name="buffer">The packet's bytes, which the query's slices point into.</param>
    /// <param name="session">The connection's state.</param>
    /// <param name="writer">Where the response goes.</param>
    /// <param name="mayBlock">
    /// False on an I/O loop: execution stops before a stage whose action is blocking
    /// (<see cref="ActionDescriptor.Blocking"/>), leaving it and the rest for <see cref="Resume"/> on a worker thread.
    /// </param>
    /// <returns>The stage execution stopped before, or -1 when the packet is done.</returns>
    public static int Execute(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer, bool mayBlock = true)
    {
        // Decided once per packet (actions.md §9.1): a LOGIN takes effect from the next packet, a LOGOUT inside a
        // pipeline leaves its later stages running.
        if (session.IsAnonymous)
        {
            return Gate(query, buffer, session, writer, mayBlock);
        }

        writer.WriteMetaframe(query.StageCount);
        return RunStages(query, buffer, session, writer, 0, mayBlock);
    }

    /// <summary>Writes the rest of the response packet for <paramref name="query"/>, from the stage
    /// <see cref="Execute"/> stopped before.</summary>
    public static void Resume(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer, int stage) =>
        RunStages(query, buffer, session, writer, stage, mayBlock: true);

    // An anonymous connection with auth enabled (actions.md §9.1): no pipelines, nothing but AUTH, and of AUTH only
    // LOGIN, CLAIM, RESTORE and WHOAMI, which run as usual; every other sub-action, known or not, is refused before
    // its arity is looked at. The checks are on the first item's bytes, so nothing else is ever looked up.
    private static int Gate(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer, bool mayBlock)
    {
        // Whatever the stage count, a pipeline gets one element: *1 and code 10.
        writer.WriteMetaframe(1);
        if (query.IsPipeline)
        {
            writer.WriteRaw(Responses.BadCredentials);
            return -1;
        }

        var stage = query[0];
        if (stage.Kind != StageKind.AnyArray)
        {
            writer.WriteRaw(Responses.Wrongtype);
            return -1;
        }

        var items = new QueryArgs(buffer, query.ItemsOf(stage));
        if (items.Count == 0)
        {
            writer.WriteRaw(Responses.PacketError);
        }
        else if (!Ascii.EqualsIgnoreCase(items[0], "auth"u8))
        {
            writer.WriteRaw(Responses.BadCredentials);
        }
        else if (items.Count == 1)
        {
            writer.WriteRaw(Responses.ActionError);
        }
        else if (IsAnonymousSubAction(items[1]))
        {
            return RunStages(query, buffer, session, writer, 0, mayBlock);
        }
        else
        {
            writer.WriteRaw(Responses.AuthnRealmError);
        }

        return -1;
    }

    private static bool IsAnonymousSubAction(ReadOnlySpan<byte> sub) =>
        Ascii.EqualsIgnoreCase(sub, "login"u8) || Ascii.EqualsIgnoreCase(sub, "claim"u8)
        || Ascii.EqualsIgnoreCase(sub, "restore"u8) || Ascii.EqualsIgnoreCase(sub, "whoami"u8);

    private static int RunStages(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer, int first, bool mayBlock)
    {
        for (var i = first; i < query.StageCount; i++)
        {
            var stage = query[i];
            if (stage.Kind != StageKind.AnyArray)
            {
                writer.WriteRaw(Responses.Wrongtype);
                continue;
            }

            if (!ExecuteStage(new QueryArgs(buffer, query.ItemsOf(stage)), session, writer, mayBlock))
            {
                return i;
            }
        }

        return -1;
    }

    // False, with nothing written, when the action is blocking and this thread may not block.
    private static bool ExecuteStage(QueryArgs items, Session session, ResponseWriter writer, bool mayBlock)
    {
        if (items.Count == 0)
        {
            writer.WriteRaw(Responses.PacketError);
            return true;
        }

        if (!ActionTable.TryGet(items[0], out var action))
        {
            session.Statistics.Actions[^1]++;
            writer.WriteRaw(Responses.UnknownAction);
            return true;
        }

        if (action.Blocking && !mayBlock)
        {
            return false;
        }

        session.Statistics.Actions[action.Index]++;

        var args = items.From(1);
        if (!action.Arity.Accepts(args.Count))
        {
            writer.WriteRaw(Responses.ActionError);
            return true;
        }

        var store = session.Store;
        if (action.Poison == PoisonCheck.BeforeModel && store.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return true;
        }

        Table? table = null;
        if (action.Model != ModelRequirement.None)
        {
            table = session.CurrentTable;
            if (table is null)
            {
                writer.WriteRaw(Responses.DefaultContainerUnset);
                return true;
            }

            var isList = table.Model.IsList();
            if ((action.Model == ModelRequirement.KeyValue && isList) || (action.Model == ModelRequirement.List && !isList))
            {
                writer.WriteRaw(Responses.WrongModel);
                return true;
            }
        }

        if (action.Poison == PoisonCheck.AfterModel && store.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return true;
        }

        action.Handler(new ActionContext(args, session, writer, table));
        return true;
    }
}
