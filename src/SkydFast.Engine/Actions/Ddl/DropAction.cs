using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Ddl;

/// <summary>
/// <c>DROP TABLE entity</c> and <c>DROP KEYSPACE name</c> (actions.md §7). The protection, existence and in-use
/// checks happen atomically inside the store (model-and-ddl.md §6).
/// </summary>
public static class DropAction
{
    public static void Run(in ActionContext context) => DdlTargets.RunSubQuery(context, DropTable, DropKeyspace);

    private static void DropTable(in ActionContext context)
    {
        var writer = context.Writer;
        if (context.Args.Count != 2)
        {
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        var entity = Entity.Parse(context.Args[1]);
        if (!Tables.WriteEntityError(writer, entity.Kind))
        {
            return;
        }

        if (context.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        if (DdlTargets.TryKeyspaceOf(context, entity, out var keyspace))
        {
            DdlTargets.WriteResult(writer, context.Store.DropTable(keyspace, entity.Name));
        }
    }

    private static void DropKeyspace(in ActionContext context)
    {
        var writer = context.Writer;
        if (context.Args.Count != 2)
        {
            // Also "DROP KEYSPACE x force": upstream's force path is unreachable in 0.7.
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        // No character validation: a name that was never creatable is simply not found.
        var name = context.Args[1];
        if (name.Length >= DdlTargets.KeyspaceNameLimit)
        {
            writer.WriteRaw(Responses.ContainerNameTooLong);
            return;
        }

        if (context.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        DdlTargets.WriteResult(writer, context.Store.DropKeyspace(name));
    }
}
