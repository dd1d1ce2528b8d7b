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
    public static void Execute(ParsedQuery query, ReadOnlySpan<byte> buffer, Session session, ResponseWriter writer)
    {
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
