using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// <c>KEYLEN key</c>: the byte length of the value, or Nil; a key that fails the str check is simply not
/// found (Nil, not code 9), as upstream (actions.md §3).
/// </summary>
public static class KeyLenAction
{
    public static void Run(in ActionContext context)
    {
        var table = context.RequiredTable;
        var key = context.Args[0];
        if (StrChecks.KeyOk(table, key) && table.Kv!.TryGetValue(key, out var value))
        {
            context.Writer.WriteUnsigned((ulong)value.Length);
        }
        else
        {
            context.Writer.WriteRaw(Responses.Nil);
        }
    }
}
