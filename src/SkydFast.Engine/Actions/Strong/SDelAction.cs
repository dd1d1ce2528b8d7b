using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Strong;

public static class SDelAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
