using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Admin;

/// <summary>
/// <c>USE entity</c> (actions.md §2): <c>ks</c> selects a keyspace and unsets the table, <c>ks:tbl</c> both,
/// <c>:tbl</c> a table of the current keyspace. Per connection only.
/// </summary>
public static class UseAction
{
    public static void Run(in ActionContext context)
    {
        var writer = context.Writer;
        var entity = Entity.Parse(context.Args[0]);
        if (!Tables.WriteEntityError(writer, entity.Kind))
        {
            return;
        }

        var session = context.Session;
        Keyspace? keyspace;
        Table? table = null;
        switch (entity.Kind)
        {
            case EntityKind.Single:
                keyspace = context.Store.GetKeyspace(entity.Name);
                break;
            case EntityKind.Full:
                keyspace = context.Store.GetKeyspace(entity.Keyspace);
                table = keyspace?.GetTable(entity.Name);
                keyspace = table is null ? null : keyspace;
                break;
            default:
                keyspace = session.CurrentKeyspace;
                table = keyspace.GetTable(entity.Name);
                keyspace = table is null ? null : keyspace;
                break;
        }

        // A container dropped between the lookup and the switch is as missing as one never created.
        if (keyspace is null || !session.TrySwitch(keyspace, table))
        {
            writer.WriteRaw(Responses.ContainerNotFound);
            return;
        }

        writer.WriteRaw(Responses.Okay);
    }
}
