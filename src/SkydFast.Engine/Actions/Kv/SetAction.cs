using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Kv;

/// <summary><c>SET key value</c>: stores if absent, else code 2 with the value unchanged (actions.md §3).</summary>
public static class SetAction
{
    public static void Run(in ActionContext context)
    {
        var table = context.RequiredTable;
        var key = context.Args[0];
        var value = context.Args[1];
        if (!StrChecks.KeyOk(table, key) || !StrChecks.ValueOk(table, value))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        // The value is copied inside the shard lock, and only when it is stored: a SET of an existing key
        // allocates nothing (a copy is a few ns; a GC pause stops every thread whether or not it holds a lock).
        context.Writer.WriteRaw(table.Kv!.TryInsert(key, value, Values.Copy) ? Responses.Okay : Responses.OverwriteError);
    }
}
