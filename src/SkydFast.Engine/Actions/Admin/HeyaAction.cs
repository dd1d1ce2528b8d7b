using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Admin;

/// <summary><c>HEYA [msg]</c>: <c>HEY!</c>, or the argument echoed byte for byte (skyhash-1.0.md §9).</summary>
public static class HeyaAction
{
    public static void Run(in ActionContext context)
    {
        if (context.Args.Count == 0)
        {
            context.Writer.WriteRaw(Responses.Heya);
        }
        else
        {
            context.Writer.WriteString(context.Args[0]);
        }
    }
}
