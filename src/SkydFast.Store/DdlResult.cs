namespace SkydFast.Store;

/// <summary>The outcome of a CREATE or DROP, in the order of checks of actions.md §7.</summary>
public enum DdlResult : byte
{
    /// <summary>Done.</summary>
    Okay,

    /// <summary>A keyspace or table of that name exists.</summary>
    AlreadyExists,

    /// <summary>The keyspace or table does not exist (or was dropped meanwhile).</summary>
    NotFound,

    /// <summary><c>default</c> or <c>system</c> keyspace, or a table named <c>default</c>.</summary>
    Protected,

    /// <summary>A keyspace that still holds tables.</summary>
    NotEmpty,

    /// <summary>Some connection uses it as its current keyspace or table.</summary>
    StillInUse,
}
