using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Dispatch;

/// <summary>Everything an action handler gets: its arguments, the session, the store and the reply writer.</summary>
public readonly ref struct ActionContext
{
    /// <summary>Creates a context.</summary>
    public ActionContext(QueryArgs args, Session session, ResponseWriter writer, Table? table)
    {
        Args = args;
        Session = session;
        Writer = writer;
        Table = table;
    }

    /// <summary>The arguments after the action name.</summary>
    public QueryArgs Args { get; }

    /// <summary>The connection's state.</summary>
    public Session Session { get; }

    /// <summary>Where the reply element goes.</summary>
    public ResponseWriter Writer { get; }

    /// <summary>
    /// The current table, already checked against the action's <see cref="ModelRequirement"/>; null for
    /// actions that declare <see cref="ModelRequirement.None"/>.
    /// </summary>
    public Table? Table { get; }

    /// <summary>The store.</summary>
    public CoreStore Store => Session.Store;

    /// <summary>The checked current table of an action that declares a model requirement.</summary>
    public Table RequiredTable => Table!;

    /// <summary>Whether writes are refused right now.</summary>
    public bool IsPoisoned => Session.Store.IsPoisoned;
}
