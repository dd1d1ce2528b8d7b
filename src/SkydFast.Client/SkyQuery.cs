using SkydFast.Client.Protocol;

namespace SkydFast.Client;

/// <summary>
/// A query built item by item, for <see cref="SkyConnection.QueryAsync(SkyQuery, CancellationToken)"/> and pipelines:
/// <c>new SkyQuery("SET", "k", "v")</c>, or <c>new SkyQuery("LMOD").Add("l").Add("PUSH")</c>. The items are encoded as
/// they are added, so the query can be sent many times. Not thread-safe while being built.
/// </summary>
public sealed class SkyQuery
{
    private readonly PacketBuffer _items = new(64, pooled: false);
    private SkyArg _action;
    private SkyArg _subAction;

    /// <summary>A query of <paramref name="action"/> followed by <paramref name="args"/>.</summary>
    public SkyQuery(SkyArg action, params ReadOnlySpan<SkyArg> args)
    {
        Add(action);
        foreach (var arg in args)
        {
            Add(arg);
        }
    }

    /// <summary>The number of items, the action included.</summary>
    public int Count { get; private set; }

    internal SessionEffects Effects => SessionEffectsOf.Query(_action, _subAction, Count);

    /// <summary>Appends one item.</summary>
    public SkyQuery Add(SkyArg arg)
    {
        arg.WriteTo(_items);

        // Only the first two items decide what the query changes in the connection (USE, AUTH LOGIN...).
        if (Count == 0)
        {
            _action = arg;
        }
        else if (Count == 1)
        {
            _subAction = arg;
        }

        Count++;
        return this;
    }

    /// <summary>Appends the number <paramref name="number"/> in decimal.</summary>
    public SkyQuery Add(ulong number) => Add(SkyArg.FromNumber(number));

    /// <summary>Writes <c>~&lt;count&gt;\n</c> and the items.</summary>
    internal void WriteTo(PacketBuffer buffer)
    {
        buffer.WriteHeader((byte)'~', Count);
        buffer.WriteRaw(_items.Span);
    }
}

/// <summary>
/// Several queries sent in one packet and answered in one (skyhash-1.0.md §3): one round trip, one element per stage,
/// in order. An error in one stage does not stop the others; pipelines are not transactions.
/// </summary>
public sealed class SkyPipeline
{
    private readonly List<SkyQuery> _queries = [];

    /// <summary>The number of stages.</summary>
    public int Count => _queries.Count;

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<SkyQuery> Queries => _queries;

    /// <summary>Appends a stage.</summary>
    public SkyPipeline Add(SkyQuery query)
    {
        _queries.Add(query);
        return this;
    }

    /// <summary>Appends the stage <paramref name="action"/> <paramref name="args"/>.</summary>
    public SkyPipeline Add(SkyArg action, params ReadOnlySpan<SkyArg> args) => Add(new SkyQuery(action, args));

    internal SessionEffects Effects
    {
        get
        {
            var effects = SessionEffects.None;
            foreach (var query in _queries)
            {
                effects |= query.Effects;
            }

            return effects;
        }
    }
}
