namespace SkydFast.Engine.Dispatch;

/// <summary>Runs one action after the dispatcher's checks passed; writes exactly one response element.</summary>
public delegate void ActionHandler(in ActionContext context);

/// <summary>Which table an action needs before its handler runs (actions.md §0, checks KV / LIST / ANY).</summary>
public enum ModelRequirement : byte
{
    /// <summary>No table: the handler resolves what it needs (or needs nothing).</summary>
    None,

    /// <summary>The current table must exist and be a key/value model.</summary>
    KeyValue,

    /// <summary>The current table must exist and be a list model.</summary>
    List,

    /// <summary>The current table must exist; either model.</summary>
    Any,
}

/// <summary>Where the poison check (actions.md §8) sits in an action's order of checks.</summary>
public enum PoisonCheck : byte
{
    /// <summary>A read: never refused.</summary>
    None,

    /// <summary>Right after the arity check, before the table check (SET, UPDATE, POP, MPOP, FLUSHDB).</summary>
    BeforeModel,

    /// <summary>Right after the table check (SSET, SUPDATE, SDEL, LSET).</summary>
    AfterModel,

    /// <summary>A write whose handler checks at its own point (after encoding checks, or per sub-action).</summary>
    InHandler,
}

/// <summary>The number of arguments (after the action name) an action accepts.</summary>
/// <param name="Min">Fewest arguments.</param>
/// <param name="Max">Most arguments.</param>
/// <param name="Even">Whether the count must be even (key/value pairs).</param>
public readonly record struct Arity(int Min, int Max, bool Even = false)
{
    /// <summary>Exactly <paramref name="n"/> arguments.</summary>
    public static Arity Exactly(int n) => new(n, n);

    /// <summary><paramref name="n"/> or more arguments.</summary>
    public static Arity AtLeast(int n) => new(n, int.MaxValue);

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public static Arity Between(int min, int max) => new(min, max);

    /// <summary>Key/value pairs: an even count, at least two.</summary>
    public static Arity Pairs => new(2, int.MaxValue, Even: true);

    /// <summary>No check: the handler checks per sub-action.</summary>
    public static Arity Any => new(0, int.MaxValue);

    /// <summary>Whether <paramref name="count"/> arguments are accepted.</summary>
    public bool Accepts(int count) => count >= Min && count <= Max && (!Even || (count & 1) == 0);
}

/// <summary>One row of the <see cref="ActionTable"/>.</summary>
/// <param name="Name">The action name, upper case.</param>
/// <param name="Arity">The accepted argument counts; a miss answers code 3.</param>
/// <param name="Model">The table the action needs.</param>
/// <param name="Poison">Where the poison check sits.</param>
/// <param name="Handler">The action itself.</param>
/// <param name="Blocking">
/// The handler may wait (for the disk, or for CPU-heavy work): a packet holding it runs on a worker thread while
/// its connection awaits, never on an I/O loop.
/// </param>
public sealed record ActionDescriptor(string Name, Arity Arity, ModelRequirement Model, PoisonCheck Poison, ActionHandler Handler, bool Blocking = false)
{
    /// <summary>The row's position in <see cref="ActionTable.All"/>: where its queries are counted.</summary>
    public int Index { get; internal set; }
}
