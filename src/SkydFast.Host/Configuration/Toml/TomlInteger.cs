namespace SkydFast.Host.Configuration.Toml;

/// <summary>An integer value: decimal, hexadecimal, octal or binary, within the range of a 64-bit signed integer.</summary>
public sealed class TomlInteger : TomlValue
{
    internal TomlInteger(TomlPosition position, long value)
        : base(TomlKind.Integer, position) => Value = value;

    /// <summary>The value.</summary>
    public long Value { get; }
}
