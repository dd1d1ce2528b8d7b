namespace SkydFast.Host.Configuration.Toml;

/// <summary>A boolean value.</summary>
public sealed class TomlBoolean : TomlValue
{
    internal TomlBoolean(TomlPosition position, bool value)
        : base(TomlKind.Boolean, position) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }
}
