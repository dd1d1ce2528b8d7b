using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Ddl;

/// <summary>
/// <c>INSPECT KEYSPACES</c>, <c>INSPECT KEYSPACE [name]</c>, <c>INSPECT TABLE [entity]</c> (actions.md §7). Any
/// other first word answers <c>unknown-inspect-query</c> whatever follows it.
/// </summary>
public static class InspectAction
{
    public static void Run(in ActionContext context)
    {
        var what = context.Args[0];
        if (Ascii.EqualsIgnoreCase(what, "KEYSPACES"u8))
        {
            InspectKeyspaces(context);
        }
        else if (Ascii.EqualsIgnoreCase(what, "KEYSPACE"u8))
        {
            InspectKeyspace(context);
        }
        else if (Ascii.EqualsIgnoreCase(what, "TABLE"u8))
        {
            InspectTable(context);
        }
        else
        {
            context.Writer.WriteRaw(Responses.UnknownInspectQuery);
        }
    }

    private static void InspectKeyspaces(in ActionContext context)
    {
        if (context.Args.Count != 1)
        {
            context.Writer.WriteRaw(Responses.ActionError);
            return;
        }

        ContainerNames.WriteTypedArray(context.Writer, context.Store.Keyspaces, static k => k.Name);
    }

    private static void InspectKeyspace(in ActionContext context)
    {
        var writer = context.Writer;
        var args = context.Args;
        Keyspace? keyspace;
        switch (args.Count)
        {
            case 1:
                keyspace = context.Session.CurrentKeyspace;
                break;
            case 2:
                // Only a length check: any other bad name is just not found.
                if (args[1].Length > Entity.MaxComponentLength)
                {
                    writer.WriteRaw(Responses.BadContainerName);
                    return;
                }

                keyspace = context.Store.GetKeyspace(args[1]);
                if (keyspace is null)
                {
                    writer.WriteRaw(Responses.ContainerNotFound);
                    return;
                }

                break;
            default:
                writer.WriteRaw(Responses.ActionError);
                return;
        }

        ContainerNames.WriteTypedArray(writer, keyspace.Tables, static t => t.Name);
    }

    private static void InspectTable(in ActionContext context)
    {
        var args = context.Args;
        Table table;
        switch (args.Count)
        {
            case 1:
                if (!Tables.TryCurrent(context, out table))
                {
                    return;
                }

                break;
            case 2:
                if (!Tables.TryResolve(context, args[1], out table))
                {
                    return;
                }

                break;
            default:
                context.Writer.WriteRaw(Responses.ActionError);
                return;
        }

        context.Writer.WriteString(TableDescription.Of(table.Model, table.IsVolatile));
    }
}
