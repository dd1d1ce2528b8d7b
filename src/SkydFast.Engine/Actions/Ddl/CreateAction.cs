using System.Text;
using System.Text.Unicode;
using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Ddl;

/// <summary>
/// <c>CREATE TABLE entity model [volatile]</c> and <c>CREATE KEYSPACE name</c> (actions.md §7), each check in the
/// spec's order. The poison check sits after the name and model checks, so it lives here.
/// </summary>
public static class CreateAction
{
    public static void Run(in ActionContext context) => DdlTargets.RunSubQuery(context, CreateTable, CreateKeyspace);

    private static void CreateTable(in ActionContext context)
    {
        var writer = context.Writer;
        var args = context.Args;
        if (args.Count is not (3 or 4))
        {
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        var entityArg = args[1];
        var modelArg = args[2];
        if (!Utf8.IsValid(entityArg) || !Utf8.IsValid(modelArg))
        {
            writer.WriteRaw(Responses.EncodingError);
            return;
        }

        var entity = Entity.Parse(entityArg);
        if (!Tables.WriteEntityError(writer, entity.Kind) || !WriteModelError(writer, ModelExpression.Parse(modelArg, out var model)))
        {
            return;
        }

        var isVolatile = args.Count == 4;
        if (isVolatile && !args[3].SequenceEqual("volatile"u8))
        {
            writer.WriteRaw(Responses.UnknownProperty);
            return;
        }

        if (context.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        if (!DdlTargets.TryKeyspaceOf(context, entity, out var keyspace))
        {
            return;
        }

        var result = context.Store.CreateTable(keyspace, Encoding.ASCII.GetString(entity.Name), model, isVolatile);
        DdlTargets.WriteResult(writer, result);
    }

    private static void CreateKeyspace(in ActionContext context)
    {
        var writer = context.Writer;
        var args = context.Args;
        if (args.Count != 2)
        {
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        var name = args[1];
        if (!Utf8.IsValid(name))
        {
            writer.WriteRaw(Responses.EncodingError);
            return;
        }

        // Keyspace names follow their own rules (model-and-ddl.md §3.3): the identifier regex answers
        // malformed-expression, and the limit is 63 bytes, not the 64 of an entity component.
        if (!Entity.IsIdentifier(name))
        {
            writer.WriteRaw(Responses.MalformedExpression);
            return;
        }

        if (name.Length >= DdlTargets.KeyspaceNameLimit)
        {
            writer.WriteRaw(Responses.ContainerNameTooLong);
            return;
        }

        // Deliberate difference: upstream accepts these, and the keyspace's folder then collides with the
        // data/ks/PRELOAD file, so every later save fails. Entities already refuse them the same way.
        if (name.SequenceEqual("PRELOAD"u8) || name.SequenceEqual("PARTMAP"u8))
        {
            writer.WriteRaw(Responses.BadContainerName);
            return;
        }

        if (context.IsPoisoned)
        {
            writer.WriteRaw(Responses.ServerError);
            return;
        }

        DdlTargets.WriteResult(writer, context.Store.CreateKeyspace(Encoding.ASCII.GetString(name)));
    }

    /// <summary>Writes the error of a failed model parse; true when it parsed.</summary>
    private static bool WriteModelError(ResponseWriter writer, ModelParseResult result)
    {
        var error = result switch
        {
            ModelParseResult.Okay => default,
            ModelParseResult.Malformed => Responses.MalformedExpression,
            ModelParseResult.UnknownModel => Responses.UnknownModel,
            ModelParseResult.TooManyArgs => Responses.TooManyArgs,
            ModelParseResult.BadTypeForKey => Responses.BadTypeForKey,
            _ => Responses.UnknownDataType,
        };
        if (error.IsEmpty)
        {
            return true;
        }

        writer.WriteRaw(error);
        return false;
    }
}
