using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

public static class PopAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
