namespace SkydFast.Client.Protocol;

/// <summary>Turns a reply into what a typed method returns: the expected outcomes become values, an error answer
/// becomes <see cref="SkyhashException"/>, and any other element a <see cref="SkyProtocolException"/>.</summary>
internal static class Expect
{
    public static void Okay(SkyElement reply, string action)
    {
        if (!Is(reply, SkyResponseCode.Okay))
        {
            throw Unexpected(reply, action);
        }
    }

    /// <summary>Okay is true, <paramref name="no"/> is false.</summary>
    public static bool OkayOr(SkyElement reply, SkyResponseCode no, string action) =>
        Is(reply, SkyResponseCode.Okay) || (Is(reply, no) ? false : throw Unexpected(reply, action));

    public static SkyValue Value(SkyElement reply, string action) => reply as SkyValue ?? throw Unexpected(reply, action);

    public static SkyValue? ValueOrNil(SkyElement reply, string action) =>
        reply as SkyValue ?? (Is(reply, SkyResponseCode.Nil) ? null : throw Unexpected(reply, action));

    public static string Text(SkyElement reply, string action) => Value(reply, action).Text;

    public static ulong Integer(SkyElement reply, string action) =>
        reply is SkyInteger integer ? integer.Value : throw Unexpected(reply, action);

    public static ulong? IntegerOrNil(SkyElement reply, string action) =>
        reply is SkyInteger integer ? integer.Value : Is(reply, SkyResponseCode.Nil) ? null : throw Unexpected(reply, action);

    public static float Float(SkyElement reply, string action) =>
        reply is SkyFloat number ? number.Value : throw Unexpected(reply, action);

    public static IReadOnlyList<SkyValue?> Values(SkyElement reply, string action) =>
        reply is SkyTypedArray array ? array.Items : throw Unexpected(reply, action);

    public static IReadOnlyList<SkyValue> NonNullValues(SkyElement reply, string action) =>
        (reply as SkyTypedArray)?.NonNullItems() ?? throw Unexpected(reply, action);

    public static IReadOnlyList<SkyValue>? NonNullValuesOrNil(SkyElement reply, string action) =>
        Is(reply, SkyResponseCode.Nil) ? null : NonNullValues(reply, action);

    public static IReadOnlyList<string> Strings(SkyElement reply, string action)
    {
        var values = NonNullValues(reply, action);
        var strings = new string[values.Count];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = values[i].Text;
        }

        return strings;
    }

    private static bool Is(SkyElement reply, SkyResponseCode code) => reply is SkyCode answered && answered.Code == code;

    private static Exception Unexpected(SkyElement reply, string action) => reply.IsError
        ? new SkyhashException(action, reply)
        : new SkyProtocolException($"{action}: unexpected reply ({reply.Kind}: {reply})");
}
