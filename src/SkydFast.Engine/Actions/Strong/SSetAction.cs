using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

public static class SSetAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
