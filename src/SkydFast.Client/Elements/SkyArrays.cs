namespace SkydFast.Client;

/// <summary>A typed array: <c>@</c> (entries may be null: MGET, MPOP, LGET, LSKEYS) or <c>^</c> (no nulls: WHEREAMI,
/// AUTH LISTUSER). Every entry has the array's symbol, <c>+</c> or <c>?</c>.</summary>
public sealed class SkyTypedArray : SkyElement
{
    private readonly SkyValue[] _items;

    /// <summary>An array of <paramref name="items"/> (not copied; null entries only when not <paramref name="nonNull"/>).</summary>
    public SkyTypedArray(SkyValue?[] items, bool isBinary, bool nonNull)
    {
        // Stored as non-null so NonNullItems can hand the same array out without a copy, after checking for nulls.
        _items = items!;
        IsBinary = isBinary;
        IsNonNull = nonNull;
    }

    /// <inheritdoc/>
    public override SkyElementKind Kind => IsNonNull ? SkyElementKind.NonNullTypedArray : SkyElementKind.TypedArray;

    /// <summary>True when the entries are <c>?</c> (binary), false for <c>+</c>.</summary>
    public bool IsBinary { get; }

    /// <summary>True for <c>^</c>, which never holds nulls.</summary>
    public bool IsNonNull { get; }

    /// <summary>The entries in order; null where the server sent a null entry (<c>\0\n</c>).</summary>
    public IReadOnlyList<SkyValue?> Items => _items;

    /// <summary>The number of entries.</summary>
    public int Count => _items.Length;

    /// <summary>The entries, or null if any of them is null.</summary>
    internal IReadOnlyList<SkyValue>? NonNullItems() => Array.IndexOf(_items, null) >= 0 ? null : _items;
}

/// <summary>An array of elements: <c>&amp;</c> (any element, nested arrays included) or <c>_</c> (flat: no arrays). 0.7
/// servers never send these; the parser reads them for completeness.</summary>
public sealed class SkyArray(IReadOnlyList<SkyElement> items, bool flat) : SkyElement
{
    /// <inheritdoc/>
    public override SkyElementKind Kind => IsFlat ? SkyElementKind.FlatArray : SkyElementKind.Array;

    /// <summary>True for a flat array (<c>_</c>).</summary>
    public bool IsFlat { get; } = flat;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<SkyElement> Items { get; } = items;
}
