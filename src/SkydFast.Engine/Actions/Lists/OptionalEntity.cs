using SkydFast.Engine.Dispatch;
using SkydFast.Engine.Support;
using SkydFast.Store;

namespace SkydFast.Engine.Actions.Lists;

/// <summary>The table of DBSIZE and FLUSHDB: the current one without an argument, else the named entity.</summary>
internal static class OptionalEntity
{
    /// <summary>Resolves the table, or writes <c>default-container-unset</c>, an entity error or <c>container-not-found</c>.</summary>
    public static bool TryResolve(in ActionContext context, out Table table) => context.Args.Count == 0
        ? Tables.TryCurrent(context, out table)
        : Tables.TryResolve(context, context.Args[0], out table);
}
