using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

public static class SUpdateAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
