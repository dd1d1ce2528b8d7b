namespace SkydFast.Host.Configuration.Toml;

/// <summary>An array: a static one (<c>[1, "two"]</c>, elements of any types) or an array of tables (<c>[[a]]</c>).</summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> _items = [];

    internal TomlArray(TomlPosition position, bool isArrayOfTables)
        : base(TomlKind.Array, position) => IsArrayOfTables = isArrayOfTables;

    /// <summary>
    /// True when the array was made by <c>[[header]]</c> elements (which later headers may extend); false for an
    /// array written as a value (which nothing may extend).
    /// </summary>
    public bool IsArrayOfTables { get; }

    /// <summary>The number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public TomlValue this[int index] => _items[index];

    /// <summary>The elements in document order.</summary>
    public IEnumerator<TomlValue> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(TomlValue value) => _items.Add(value);
}
