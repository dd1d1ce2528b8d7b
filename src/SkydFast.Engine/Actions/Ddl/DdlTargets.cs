using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Ddl;

/// <summary>What CREATE and DROP share: the keyspace an entity targets, and the reply for a store outcome.</summary>
internal static class DdlTargets
{
    /// <summary>CREATE KEYSPACE and DROP KEYSPACE refuse names of this many bytes or more.</summary>
    public const int KeyspaceNameLimit = 64;

    /// <summary>Runs <paramref name="table"/> for <c>TABLE</c>, <paramref name="keyspace"/> for <c>KEYSPACE</c>.</summary>
    public static void RunSubQuery(in ActionContext context, ActionHandler table, ActionHandler keyspace)
    {
        var kind = context.Args[0];
        if (Ascii.EqualsIgnoreCase(kind, "TABLE"u8))
        {
            table(context);
        }
        else if (Ascii.EqualsIgnoreCase(kind, "KEYSPACE"u8))
        {
            keyspace(context);
        }
        else
        {
            context.Writer.WriteRaw(Responses.UnknownDdlQuery);
        }
    }

    /// <summary>
    /// <c>ks:tbl</c> targets keyspace <c>ks</c> (missing: <c>container-not-found</c> is written); <c>tbl</c> and
    /// <c>:tbl</c> the connection's current keyspace.
    /// </summary>
    public static bool TryKeyspaceOf(in ActionContext context, Entity entity, out Keyspace keyspace)
    {
        if (entity.Kind != EntityKind.Full)
        {
            keyspace = context.Session.CurrentKeyspace;
            return true;
        }

        var found = context.Store.GetKeyspace(entity.Keyspace);
        if (found is null)
        {
            context.Writer.WriteRaw(Responses.ContainerNotFound);
            keyspace = null!;
            return false;
        }

        keyspace = found;
        return true;
    }

    /// <summary>Writes the reply for <paramref name="result"/>.</summary>
    public static void WriteResult(ResponseWriter writer, DdlResult result) => writer.WriteRaw(result switch
    {
        DdlResult.Okay => Responses.Okay,
        DdlResult.AlreadyExists => Responses.AlreadyExists,
        DdlResult.NotFound => Responses.ContainerNotFound,
        DdlResult.Protected => Responses.ProtectedObject,
        DdlResult.NotEmpty => Responses.KeyspaceNotEmpty,
        _ => Responses.StillInUse,
    });
}
