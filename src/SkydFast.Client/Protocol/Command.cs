namespace SkydFast.Client.Protocol;

/// <summary>
/// A typed method's query, held without allocating: up to five leading items (the action, a sub-action, keys, numbers)
/// then optional <see cref="Tail"/> items and <see cref="Pairs"/>, written in that order as one AnyArray.
/// </summary>
internal readonly struct Command
{
    private readonly SkyArg _a0;
    private readonly SkyArg _a1;
    private readonly SkyArg _a2;
    private readonly SkyArg _a3;
    private readonly SkyArg _a4;
    private readonly int _fixed;

    private Command(ReadOnlySpan<SkyArg> items)
    {
        _fixed = items.Length;
        _a0 = items[0];
        _a1 = items.Length > 1 ? items[1] : default;
        _a2 = items.Length > 2 ? items[2] : default;
        _a3 = items.Length > 3 ? items[3] : default;
        _a4 = items.Length > 4 ? items[4] : default;
    }

    /// <summary>Items after the leading ones (keys of MGET, values of LSET...).</summary>
    public IReadOnlyList<SkyArg>? Tail { get; init; }

    /// <summary>Key and value pairs after the leading items (MSET, SSET...).</summary>
    public IReadOnlyList<(SkyArg Key, SkyArg Value)>? Pairs { get; init; }

    /// <summary>The action, with its sub-action for AUTH, for error messages.</summary>
    public string Name => _a0.IsWord("AUTH") && _fixed > 1 ? $"AUTH {_a1.ToString().ToUpperInvariant()}" : _a0.ToString();

    /// <summary>What the query changes in the connection's state.</summary>
    public SessionEffects Effects => SessionEffectsOf.Query(_a0, _a1, _fixed);

    /// <summary>A command of one to five leading items, the action first.</summary>
    public static Command Of(params ReadOnlySpan<SkyArg> items)
    {
        if (items.Length is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(items));
        }

        return new Command(items);
    }

    /// <summary>Writes <c>~&lt;count&gt;\n</c> and the items.</summary>
    public void WriteTo(PacketBuffer buffer)
    {
        buffer.WriteHeader((byte)'~', _fixed + (Tail?.Count ?? 0) + (2L * (Pairs?.Count ?? 0)));
        _a0.WriteTo(buffer);
        if (_fixed > 1)
        {
            _a1.WriteTo(buffer);
        }

        if (_fixed > 2)
        {
            _a2.WriteTo(buffer);
        }

        if (_fixed > 3)
        {
            _a3.WriteTo(buffer);
        }

        if (_fixed > 4)
        {
            _a4.WriteTo(buffer);
        }

        if (Tail is { } tail)
        {
            for (var i = 0; i < tail.Count; i++)
            {
                tail[i].WriteTo(buffer);
            }
        }

        if (Pairs is { } pairs)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                pairs[i].Key.WriteTo(buffer);
                pairs[i].Value.WriteTo(buffer);
            }
        }
    }
}
