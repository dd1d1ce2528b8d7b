namespace SkydFast.Host.Configuration.Toml;

/// <summary>A value read from a TOML document, with where it was written.</summary>
public abstract class TomlValue
{
    private protected TomlValue(TomlKind kind, TomlPosition position)
    {
        Kind = kind;
        Position = position;
    }

    /// <summary>The type of the value; each kind has one subclass (the four date and time kinds share <see cref="TomlDateTime"/>).</summary>
    public TomlKind Kind { get; }

    /// <summary>
    /// The first character of the value. For a table, where it is defined: the <c>[</c> of its header, the key
    /// segment of the dotted key that defined it, or the <c>{</c> of an inline table; for a table only named as a
    /// parent in headers (<c>a</c> in <c>[a.b]</c>), the <c>[</c> of the first such header; line 1, column 1 for the root.
    /// </summary>
    public TomlPosition Position { get; internal set; }
}
