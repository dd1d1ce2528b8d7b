using System.Diagnostics.CodeAnalysis;

namespace SkydFast.Host.Configuration.Toml;

/// <summary>A table: key/value pairs that enumerate in document order. Keys compare ordinally (case-sensitive).</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A TOML table is called a table; the configuration loader is written against this name.")]
public sealed class TomlTable : TomlValue, IReadOnlyDictionary<string, TomlValue>
{
    private readonly List<KeyValuePair<string, TomlValue>> _entries = [];
    private readonly Dictionary<string, int> _indexByKey = new(StringComparer.Ordinal);

    internal TomlTable(TomlPosition position, TableOrigin origin)
        : base(TomlKind.Table, position) => Origin = origin;

    /// <summary>How the table came to be; decides what later headers and dotted keys may do with it.</summary>
    internal TableOrigin Origin { get; set; }

    /// <summary>The number of keys.</summary>
    public int Count => _entries.Count;

    /// <summary>The keys in document order.</summary>
    public IEnumerable<string> Keys => _entries.Select(entry => entry.Key);

    /// <summary>The values in document order.</summary>
    public IEnumerable<TomlValue> Values => _entries.Select(entry => entry.Value);

    /// <summary>The value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when it is absent.</summary>
    public TomlValue this[string key] => _entries[_indexByKey[key]].Value;

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _indexByKey.ContainsKey(key);

    /// <summary>Gets the value of <paramref name="key"/> if it is present.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value)
    {
        if (_indexByKey.TryGetValue(key, out int index))
        {
            value = _entries[index].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The key/value pairs in document order.</summary>
    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds a key the caller has checked is absent.</summary>
    internal void Add(string key, TomlValue value)
    {
        _indexByKey.Add(key, _entries.Count);
        _entries.Add(new(key, value));
    }
}
