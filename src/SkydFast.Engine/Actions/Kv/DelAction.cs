using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

public static class DelAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
