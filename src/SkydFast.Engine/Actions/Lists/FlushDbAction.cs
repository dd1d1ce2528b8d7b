using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Lists;

public static class FlushDbAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
