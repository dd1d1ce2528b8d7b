namespace SkydFast.Protocol.Skyhash;

/// <summary>The arguments of one AnyArray stage as views into the receive buffer. Never copies.</summary>
public readonly ref struct QueryArgs
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly ReadOnlySpan<Slice> _items;

    /// <summary>Wraps <paramref name="items"/>, slices of <paramref name="buffer"/>.</summary>
    public QueryArgs(ReadOnlySpan<byte> buffer, ReadOnlySpan<Slice> items)
    {
        _buffer = buffer;
        _items = items;
    }

    /// <summary>The number of arguments.</summary>
    public int Count => _items.Length;

    /// <summary>Argument <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var s = _items[index];
            return _buffer.Slice(s.Offset, s.Length);
        }
    }

    /// <summary>The arguments from <paramref name="start"/> on.</summary>
    public QueryArgs From(int start) => new(_buffer, _items[start..]);
}
