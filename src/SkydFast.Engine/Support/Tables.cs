using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Support;

/// <summary>Resolving an entity argument to a table, the way DBSIZE, FLUSHDB, LSKEYS and INSPECT TABLE do.</summary>
public static class Tables
{
    /// <summary>
    /// <c>ks:tbl</c> is that table; <c>tbl</c> and <c>:tbl</c> are tables of the current keyspace (actions.md
    /// DBSIZE). On failure the error element (entity error or <c>container-not-found</c>) is already written.
    /// </summary>
    public static bool TryResolve(in ActionContext context, ReadOnlySpan<byte> arg, out Table table)
    {
        table = null!;
        var entity = Entity.Parse(arg);
        if (!WriteEntityError(context.Writer, entity.Kind))
        {
            return false;
        }

        Keyspace? keyspace = entity.Kind == EntityKind.Full ? context.Store.GetKeyspace(entity.Keyspace) : context.Session.CurrentKeyspace;
        var found = keyspace?.GetTable(entity.Name);
        if (found is null)
        {
            context.Writer.WriteRaw(Responses.ContainerNotFound);
            return false;
        }

        table = found;
        return true;
    }

    /// <summary>The current table, or writes <c>default-container-unset</c>.</summary>
    public static bool TryCurrent(in ActionContext context, out Table table)
    {
        table = context.Session.CurrentTable!;
        if (table is null)
        {
            context.Writer.WriteRaw(Responses.DefaultContainerUnset);
            return false;
        }

        return true;
    }

    /// <summary>Writes the error of an invalid entity; true when <paramref name="kind"/> is valid.</summary>
    public static bool WriteEntityError(ResponseWriter writer, EntityKind kind)
    {
        switch (kind)
        {
            case EntityKind.Malformed:
                writer.WriteRaw(Responses.MalformedExpression);
                return false;
            case EntityKind.BadName:
                writer.WriteRaw(Responses.BadContainerName);
                return false;
            default:
                return true;
        }
    }
}
