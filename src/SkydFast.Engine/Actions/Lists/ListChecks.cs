using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>
/// The checks list sub-actions (and LSKEYS) run in their own order: each writes its error element and returns
/// false on failure, so a handler reads as the spec's step list joined by <c>&amp;&amp;</c>.
/// </summary>
internal static class ListChecks
{
    /// <summary>A sub-action's argument count: code 3 when <paramref name="ok"/> is false.</summary>
    public static bool Arity(ResponseWriter writer, bool ok)
    {
        if (!ok)
        {
            writer.WriteRaw(Responses.ActionError);
        }

        return ok;
    }

    /// <summary>An index, count or limit with Rust <c>usize</c> rules: code 7 on failure.</summary>
    public static bool Number(ResponseWriter writer, ReadOnlySpan<byte> text, out ulong value)
    {
        if (!Numbers.TryParseUsize(text, out value))
        {
            writer.WriteRaw(Responses.Wrongtype);
            return false;
        }

        return true;
    }

    /// <summary>KENC: the list name must be UTF-8 when keys are <c>str</c>; code 9 otherwise.</summary>
    public static bool Key(in ActionContext context, ReadOnlySpan<byte> key) => Encoding(context.Writer, StrChecks.KeyOk(context.RequiredTable, key));

    /// <summary>VENC: an element must be UTF-8 when elements are <c>str</c>; code 9 otherwise.</summary>
    public static bool Value(in ActionContext context, ReadOnlySpan<byte> value) => Encoding(context.Writer, StrChecks.ValueOk(context.RequiredTable, value));

    /// <summary>POISON: code 5 while the store refuses writes.</summary>
    public static bool NotPoisoned(in ActionContext context)
    {
        if (context.IsPoisoned)
        {
            context.Writer.WriteRaw(Responses.ServerError);
            return false;
        }

        return true;
    }

    private static bool Encoding(ResponseWriter writer, bool ok)
    {
        if (!ok)
        {
            writer.WriteRaw(Responses.EncodingError);
        }

        return ok;
    }
}
