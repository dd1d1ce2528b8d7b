using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Admin;

/// <summary><c>WHEREAMI</c>: <c>^+2 keyspace table</c>, or <c>^+1 keyspace</c> when no table is selected.</summary>
public static class WhereAmIAction
{
    public static void Run(in ActionContext context)
    {
        var session = context.Session;
        var table = session.CurrentTable;
        var writer = context.Writer;
        writer.WriteNonNullArrayHeader(ResponseWriter.StringSymbol, table is null ? 1 : 2);
        ContainerNames.WriteEntry(writer, session.CurrentKeyspace.Name);
        if (table is not null)
        {
            ContainerNames.WriteEntry(writer, table.Name);
        }
    }
}
