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
    /// <summary>Writes the whole response packet for <paramref name="query"/>.</summary>
    /// <param name="query">The parsed packet.</param>
    /// <param name="buffer">The packet's bytes, which the query's slices point into.</param>
    /// <param name="session">The connection's state.</param>
    /// <param name="writer">Where the response goes.</param>
    /// <param name="mayBlock">
    /// False on an I/O loop: a packet with a blocking action (<see cref="ActionDescriptor.Blocking"/>) in any stage is
    /// then left alone, nothing run and nothing written, for the caller to run on a worker thread.
    /// </param>
    /// <returns>False when the packet was left alone.</returns>
    public static bool Execute(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer, bool mayBlock = true)
    {
        if (!mayBlock && HasBlockingStage(query, buffer))
        {
            return false;
        }

        writer.WriteMetaframe(query.StageCount);
        for (var i = 0; i < query.StageCount; i++)
        {
            var stage = query[i];
            if (stage.Kind != StageKind.AnyArray)
            {
                writer.WriteRaw(Responses.Wrongtype);
                continue;
            }

            ExecuteStage(new QueryArgs(buffer, query.ItemsOf(stage)), session, writer);
        }

        return true;
    }

    // Checked before the first stage runs: a pipeline's stages are all run by the same thread, in order.
    private static bool HasBlockingStage(ParsedQuery query, ReadOnlySpan<byte> buffer)
    {
        for (var i = 0; i < query.StageCount; i++)
        {
            var stage = query[i];
            if (stage.Kind == StageKind.AnyArray && stage.ItemCount > 0
                && ActionTable.IsBlocking(new QueryArgs(buffer, query.ItemsOf(stage))[0]))
            {
                return true;
            }
        }

        return false;
    }

    private static void ExecuteStage(QueryArgs items, Session session, ResponseWriter writer)
    {
        if (items.Count == 0)
        {
            writer.WriteRaw(Responses.PacketError);
            return;
        }

        if (!ActionTable.TryGet(items[0], out var action))
        {
            writer.WriteRaw(Responses.UnknownAction);
            return;
        }

        var args = items.From(1);
        if (!action.Arity.Accepts(args.Count))
        {
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        var store = session.Store;
        if (action.Poison == PoisonCheck.BeforeModel && store.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        Table? table = null;
        if (action.Model != ModelRequirement.None)
        {
            table = session.CurrentTable;
            if (table is null)
            {
                writer.WriteRaw(Responses.DefaultContainerUnset);
                return;
            }

            var isList = table.Model.IsList();
            if ((action.Model == ModelRequirement.KeyValue && isList) || (action.Model == ModelRequirement.List && !isList))
            {
                writer.WriteRaw(Responses.WrongModel);
                return;
            }
        }

        if (action.Poison == PoisonCheck.AfterModel && store.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        action.Handler(new ActionContext(args, session, writer, table));
    }
}
