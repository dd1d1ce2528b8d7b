using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Lists;

public static class LsKeysAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
