using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Lists;

public static class LGetAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
