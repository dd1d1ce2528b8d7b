using System.Text;
using SkydFast.Engine.Dispatch;
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
        WriteName(writer, session.CurrentKeyspace.Name);
        if (table is not null)
        {
            WriteName(writer, table.Name);
        }
    }

    private static void WriteName(ResponseWriter writer, string name)
    {
        // Container names are ASCII identifiers of at most 64 bytes.
        Span<byte> bytes = stackalloc byte[name.Length];
        Encoding.ASCII.GetBytes(name, bytes);
        writer.WriteArrayEntry(bytes);
    }
}
