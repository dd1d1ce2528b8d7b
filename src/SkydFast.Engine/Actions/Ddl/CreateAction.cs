using SkydFast.Engine.Dispatch;

namespace SkydFast.Engine.Actions.Ddl;

public static class CreateAction
{
    public static void Run(in ActionContext context) => throw new NotImplementedException();
}
