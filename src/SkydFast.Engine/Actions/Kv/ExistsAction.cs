using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Kv;

public static class ExistsAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
